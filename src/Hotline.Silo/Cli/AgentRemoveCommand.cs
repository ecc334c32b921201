namespace Hotline.Silo.Cli;

/// <summary><c>agent remove --id 1001</c>: the agent can no longer register (its state history is kept).</summary>
internal sealed class AgentRemoveCommand : CliCommand
{
    public override string Name => "agent remove";

    public override string Synopsis => "--id <id>";

    public override IReadOnlyCollection<string> Options { get; } = ["id"];

    public override CliAction Bind(IReadOnlyDictionary<string, string> options)
    {
        var id = AgentArguments.Id(options);
        return async (services, output, cancellationToken) =>
        {
            if (!await AgentArguments.Directory(services).RemoveAsync(id, cancellationToken).ConfigureAwait(false))
            {
                throw new CliFailureException($"agent '{id}' does not exist");
            }

            await output.WriteLineAsync($"removed agent {id}").ConfigureAwait(false);
            return 0;
        };
    }
}

namespace Hotline.Silo.Cli;

/// <summary>
/// <c>agent disable --id 1001</c> / <c>agent enable --id 1001</c>: a disabled agent can no longer register or
/// authenticate (the registrar treats it as unknown), while its record, skills and state history are kept.
/// A phone already registered stays bound until its registration lapses or is refreshed.
/// </summary>
internal sealed class AgentEnabledCommand(bool enable) : CliCommand
{
    public override string Name => enable ? "agent enable" : "agent disable";

    public override string Synopsis => "--id <id>";

    public override IReadOnlyCollection<string> Options { get; } = ["id"];

    public override CliAction Bind(IReadOnlyDictionary<string, string> options)
    {
        var id = AgentArguments.Id(options);
        return async (services, output, cancellationToken) =>
        {
            if (!await AgentArguments.Directory(services).SetEnabledAsync(id, enable, cancellationToken).ConfigureAwait(false))
            {
                throw new CliFailureException($"agent '{id}' does not exist");
            }

            await output.WriteLineAsync($"{(enable ? "enabled" : "disabled")} agent {id}").ConfigureAwait(false);
            return 0;
        };
    }
}

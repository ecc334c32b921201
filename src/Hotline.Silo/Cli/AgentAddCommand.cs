using Hotline.Silo.Agents;
using Hotline.Silo.Storage;

namespace Hotline.Silo.Cli;

/// <summary><c>agent add --id 1001 --password secret [--skills general:5,utilities:3]</c>: a new SIP agent.</summary>
internal sealed class AgentAddCommand : CliCommand
{
    public override string Name => "agent add";

    public override string Synopsis => "--id <id> --password <password|-: read from standard input> [--skills name:level,…]";

    public override IReadOnlyCollection<string> Options { get; } = ["id", "password", "skills"];

    public override CliAction Bind(IReadOnlyDictionary<string, string> options)
    {
        var agent = new NewAgent(AgentArguments.Id(options), AgentArguments.Password(options), AgentArguments.Skills(options));
        return async (services, output, cancellationToken) =>
        {
            if (!await AgentArguments.Directory(services).AddAsync(agent, cancellationToken).ConfigureAwait(false))
            {
                throw new CliFailureException($"agent '{agent.AgentId}' already exists; use agent passwd to change its password");
            }

            var realm = services.GetRequiredService<AgentRealm>().Value;
            await output.WriteLineAsync($"added agent {agent.AgentId} (realm {realm})").ConfigureAwait(false);
            return 0;
        };
    }
}

using Hotline.Silo.Agents;

namespace Hotline.Silo.Cli;

/// <summary><c>agent list</c>: one line per agent, tab-separated: id, skills, enabled. Never a secret.</summary>
internal sealed class AgentListCommand : CliCommand
{
    public override string Name => "agent list";

    public override string Synopsis => "";

    public override IReadOnlyCollection<string> Options { get; } = [];

    public override CliAction Bind(IReadOnlyDictionary<string, string> options) => async (services, output, cancellationToken) =>
    {
        var realm = services.GetRequiredService<AgentRealm>().Value;
        foreach (var agent in await AgentArguments.Directory(services).ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var skills = agent.Skills.Count == 0 ? "-" : AgentSkills.Format(agent.Skills);
            var enabled = agent.Enabled ? "enabled" : "disabled";

            // An agent whose secret was made for another realm cannot register until agent passwd.
            var note = agent.Realm == realm ? "" : $"\trealm {agent.Realm} (now {realm}): run agent passwd";
            await output.WriteLineAsync($"{agent.AgentId}\t{skills}\t{enabled}{note}").ConfigureAwait(false);
        }

        return 0;
    };
}

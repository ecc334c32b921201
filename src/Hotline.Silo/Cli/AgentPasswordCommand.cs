using Hotline.Silo.Agents;

namespace Hotline.Silo.Cli;

/// <summary>
/// <c>agent passwd --id 1001 --password secret</c>: a new password, hashed for the current realm (also
/// the way to bring an agent over to a changed Registrar:Realm / Sip:Domain).
/// </summary>
internal sealed class AgentPasswordCommand : CliCommand
{
    public override string Name => "agent passwd";

    public override string Synopsis => "--id <id> --password <password|-: read from standard input>";

    public override IReadOnlyCollection<string> Options { get; } = ["id", "password"];

    public override CliAction Bind(IReadOnlyDictionary<string, string> options)
    {
        var id = AgentArguments.Id(options);
        var password = AgentArguments.Password(options);
        return async (services, output, cancellationToken) =>
        {
            if (!await AgentArguments.Directory(services).SetPasswordAsync(id, password, cancellationToken).ConfigureAwait(false))
            {
                throw new CliFailureException($"agent '{id}' does not exist");
            }

            await output.WriteLineAsync($"changed the password of agent {id} (realm {services.GetRequiredService<AgentRealm>().Value})").ConfigureAwait(false);
            return 0;
        };
    }
}

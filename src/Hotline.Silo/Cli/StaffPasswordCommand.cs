using Hotline.Silo.Staff;

namespace Hotline.Silo.Cli;

/// <summary><c>staff passwd --id zhang --password -</c>: a new password; also lifts a lock-out.</summary>
internal sealed class StaffPasswordCommand : CliCommand
{
    public override string Name => "staff passwd";

    public override string Synopsis => "--id <id> --password <password|-: read from standard input>";

    public override IReadOnlyCollection<string> Options { get; } = ["id", "password"];

    public override CliAction Bind(IReadOnlyDictionary<string, string> options)
    {
        var id = StaffArguments.Id(options);
        var password = StaffArguments.Password(options);
        return async (services, output, cancellationToken) =>
        {
            if (!await StaffArguments.Store(services).SetPasswordAsync(id, StaffPassword.Hash(password), cancellationToken).ConfigureAwait(false))
            {
                throw new CliFailureException($"staff '{id}' does not exist");
            }

            await output.WriteLineAsync($"changed the password of staff {id}").ConfigureAwait(false);
            return 0;
        };
    }
}

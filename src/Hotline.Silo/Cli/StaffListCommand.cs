using System.Globalization;
using Hotline.Silo.Staff;

namespace Hotline.Silo.Cli;

/// <summary><c>staff list</c>: one line per account, tab-separated: id, role, department, enabled, lock-out. Never a hash.</summary>
internal sealed class StaffListCommand : CliCommand
{
    public override string Name => "staff list";

    public override string Synopsis => "";

    public override IReadOnlyCollection<string> Options { get; } = [];

    public override CliAction Bind(IReadOnlyDictionary<string, string> options) => async (services, output, cancellationToken) =>
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var account in await StaffArguments.Store(services).ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var locked = account.LockedUntil is { } until && until > now
                ? "\tlocked until " + until.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                : "";
            await output.WriteLineAsync(
                $"{account.Id}\t{StaffRules.RoleName(account.Role)}\t{account.DepartmentId ?? "-"}\t{(account.Enabled ? "enabled" : "disabled")}{locked}").ConfigureAwait(false);
        }

        return 0;
    };
}

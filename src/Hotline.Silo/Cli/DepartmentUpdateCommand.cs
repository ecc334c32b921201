namespace Hotline.Silo.Cli;

/// <summary>
/// <c>department update &lt;id&gt; [--name …] [--kind …] …</c>: changes the given fields; an empty
/// <c>--parent ""</c> or <c>--phone ""</c> clears it. <c>--active true</c> re-enables a disabled department.
/// </summary>
internal sealed class DepartmentUpdateCommand : CliCommand
{
    public override string Name => "department update";

    public override string Synopsis =>
        "<id> [--name <name>] [--kind <kind>] [--days <n>] [--parent <id>] [--responsibilities <text>] [--keywords a;b] [--phone <number>] [--active true] [--by <who>] [--reason <why>]";

    public override string? Argument => "id";

    public override IReadOnlyCollection<string> Options { get; } = [.. DepartmentArguments.FieldOptions, "active", .. DepartmentArguments.AuditOptions];

    public override CliAction Bind(IReadOnlyDictionary<string, string> options)
    {
        var id = DepartmentArguments.Id(options);
        if (!options.Keys.Any(k => DepartmentArguments.FieldOptions.Contains(k, StringComparer.OrdinalIgnoreCase) || k.Equals("active", StringComparison.OrdinalIgnoreCase)))
        {
            throw new CliUsageException("nothing to change: give at least one of --" + string.Join(", --", DepartmentArguments.FieldOptions) + ", --active");
        }

        var reactivate = false;
        if (options.TryGetValue("active", out var active) && !(reactivate = active.Equals("true", StringComparison.OrdinalIgnoreCase)))
        {
            throw new CliUsageException("--active: only 'true' (re-enable); disabling is department disable, which checks open tickets");
        }

        // The given options are checked now, over a valid stand-in, before any storage is opened.
        _ = DepartmentArguments.Checked(DepartmentArguments.Apply(new Organisation.DirectoryDepartment(id, "-", "other", null, "", [], 1, null), options));
        var context = DepartmentArguments.Context(options, "updated");
        return async (services, output, cancellationToken) =>
        {
            var updated = await DepartmentArguments.RunAsync(() => DepartmentArguments.Directory(services).UpdateAsync(
                id, d => DepartmentArguments.Apply(d, options) with { Active = d.Active || reactivate }, context, cancellationToken)).ConfigureAwait(false);
            await output.WriteLineAsync($"updated department {updated.Id} ({updated.Name})").ConfigureAwait(false);
            return 0;
        };
    }
}

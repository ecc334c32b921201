namespace Hotline.Silo.Cli;

/// <summary>
/// <c>department disable &lt;id&gt; --reason … [--successor &lt;id&gt;]</c>: no new dispatches and no
/// suggestions from now on; its history stays readable. Refused while it has open tickets, unless a
/// successor is named to take them (moving tickets needs a running host's ticket engine).
/// </summary>
internal sealed class DepartmentDisableCommand : CliCommand
{
    public override string Name => "department disable";

    public override string Synopsis => "<id> --reason <why> [--successor <id>] [--by <who>]";

    public override string? Argument => "id";

    public override IReadOnlyCollection<string> Options { get; } = ["successor", .. DepartmentArguments.AuditOptions];

    public override CliAction Bind(IReadOnlyDictionary<string, string> options)
    {
        var id = DepartmentArguments.Id(options);
        var successor = options.TryGetValue("successor", out var s) ? s : null;
        var context = DepartmentArguments.Context(options, "", reasonRequired: true);
        return async (services, output, cancellationToken) =>
        {
            var moved = await DepartmentArguments.RunAsync(
                () => DepartmentArguments.Directory(services).DisableAsync(id, successor, context, cancellationToken)).ConfigureAwait(false);
            await output.WriteLineAsync($"disabled department {id}" + (moved > 0 ? $"; {moved} open ticket(s) moved to {successor}" : "")).ConfigureAwait(false);
            return 0;
        };
    }
}

namespace Hotline.Silo.Cli;

/// <summary>
/// <c>department list</c>: one line per department, tab-separated: id, name, kind, parent, handling
/// days, duty phone, active/disabled, keywords.
/// </summary>
internal sealed class DepartmentListCommand : CliCommand
{
    public override string Name => "department list";

    public override string Synopsis => "";

    public override IReadOnlyCollection<string> Options { get; } = [];

    public override CliAction Bind(IReadOnlyDictionary<string, string> options) => async (services, output, cancellationToken) =>
    {
        foreach (var d in await DepartmentArguments.Directory(services).ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var keywords = d.Keywords.Count == 0 ? "-" : string.Join(';', d.Keywords);
            await output.WriteLineAsync(
                $"{d.Id}\t{d.Name}\t{d.Kind}\t{d.ParentId ?? "-"}\t{d.HandleWorkingDays}\t{d.DutyPhone ?? "-"}\t{(d.Active ? "active" : "disabled")}\t{keywords}")
                .ConfigureAwait(false);
        }

        return 0;
    };
}

using Hotline.Silo.Organisation;

namespace Hotline.Silo.Cli;

/// <summary><c>department add --id … --name … --kind … --days …</c>: a new department, active at once.</summary>
internal sealed class DepartmentAddCommand : CliCommand
{
    public override string Name => "department add";

    public override string Synopsis =>
        "--id <id> --name <name> --kind municipal|district|street|utility|other --days <n> [--parent <id>] [--responsibilities <text>] [--keywords a;b] [--phone <number>] [--by <who>] [--reason <why>]";

    public override IReadOnlyCollection<string> Options { get; } = ["id", .. DepartmentArguments.FieldOptions, .. DepartmentArguments.AuditOptions];

    public override CliAction Bind(IReadOnlyDictionary<string, string> options)
    {
        foreach (var required in new[] { "id", "name", "kind", "days" })
        {
            if (!options.ContainsKey(required))
            {
                throw new CliUsageException($"--{required} is required");
            }
        }

        var department = DepartmentArguments.Checked(DepartmentArguments.Apply(
            new DirectoryDepartment(options["id"], "", "", null, "", [], 0, null), options));
        var context = DepartmentArguments.Context(options, "added");
        return async (services, output, cancellationToken) =>
        {
            await DepartmentArguments.RunAsync(async () =>
            {
                await DepartmentArguments.Directory(services).AddAsync(department, context, cancellationToken).ConfigureAwait(false);
                return 0;
            }).ConfigureAwait(false);
            await output.WriteLineAsync($"added department {department.Id} ({department.Name})").ConfigureAwait(false);
            return 0;
        };
    }
}

using Hotline.Contracts.Organisation;
using Hotline.Silo.Staff;

namespace Hotline.Silo.Cli;

/// <summary><c>staff add --id zhang --role agent|supervisor|editor|liaison [--department zjw] --password -</c>: a web console account.</summary>
internal sealed class StaffAddCommand : CliCommand
{
    public override string Name => "staff add";

    public override string Synopsis => "--id <id> --role agent|supervisor|editor|liaison [--department <id>: liaisons] --password <password|-: read from standard input>";

    public override IReadOnlyCollection<string> Options { get; } = ["id", "role", "department", "password"];

    public override CliAction Bind(IReadOnlyDictionary<string, string> options)
    {
        var id = StaffArguments.Id(options);
        var role = StaffArguments.Role(options);
        var department = StaffArguments.Department(options, role);
        var password = StaffArguments.Password(options);
        return async (services, output, cancellationToken) =>
        {
            if (department is not null)
            {
                var known = await services.GetRequiredService<IDepartmentDirectory>().ListAsync(cancellationToken).ConfigureAwait(false);
                if (!known.Any(d => d.Id == department))
                {
                    throw new CliFailureException($"department '{department}' does not exist (see department list)");
                }
            }

            if (!await StaffArguments.Store(services).AddAsync(id, role, department, StaffPassword.Hash(password), cancellationToken).ConfigureAwait(false))
            {
                throw new CliFailureException($"staff '{id}' already exists; use staff passwd to change the password");
            }

            var of = department is null ? "" : $" of {department}";
            await output.WriteLineAsync($"added staff {id} ({StaffRules.RoleName(role)}{of})").ConfigureAwait(false);
            return 0;
        };
    }
}

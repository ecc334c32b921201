using Hotline.Contracts.Security;
using Hotline.Silo.Storage;

namespace Hotline.Silo.Cli;

/// <summary>
/// <c>token issue --department &lt;id&gt;</c> or <c>token issue --staff &lt;id&gt; --role agent|supervisor|editor</c>,
/// optionally <c>--expires-in 30d|12h|never</c> (default <see cref="TokenLifetime.Default"/>): prints a new bearer token.
/// </summary>
internal sealed class TokenIssueCommand : CliCommand
{
    private const int MaxIdLength = 64;

    public override string Name => "token issue";

    public override string Synopsis => "--department <id> | --staff <id> --role agent|supervisor|editor [--expires-in 365d|<n>h|never]";

    public override IReadOnlyCollection<string> Options { get; } = ["department", "staff", "role", "expires-in"];

    public override CliAction Bind(IReadOnlyDictionary<string, string> options)
    {
        options.TryGetValue("department", out var department);
        options.TryGetValue("staff", out var staff);
        options.TryGetValue("role", out var role);
        var lifetime = TokenLifetime.Parse(options.TryGetValue("expires-in", out var expiresIn) ? expiresIn : null);
        if ((department is null) == (staff is null))
        {
            throw new CliUsageException("give exactly one of --department <id> or --staff <id>");
        }

        if (department is not null)
        {
            if (role is not null)
            {
                throw new CliUsageException("--role applies to --staff only");
            }

            CheckId("--department", department);
            return (services, output, ct) => IssueForDepartmentAsync(services, department, lifetime, output, ct);
        }

        CheckId("--staff", staff!);
        var caller = new Caller(CallerKind.Staff, staff!, ParseRole(role));
        return (services, output, ct) => IssueAsync(services, caller, lifetime, output, ct);
    }

    private static async Task<int> IssueForDepartmentAsync(IServiceProvider services, string departmentId, TimeSpan? lifetime, TextWriter output, CancellationToken cancellationToken)
    {
        var organisation = services.GetService<IOrganisationStore>() ?? throw NoStorage();
        if (await organisation.FindAsync(departmentId, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new CliFailureException($"department '{departmentId}' does not exist");
        }

        return await IssueAsync(services, new Caller(CallerKind.Department, departmentId, StaffRole.None), lifetime, output, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> IssueAsync(IServiceProvider services, Caller caller, TimeSpan? lifetime, TextWriter output, CancellationToken cancellationToken)
    {
        var tokens = services.GetService<ITokenStore>() ?? throw NoStorage();
        var now = (services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        var token = await tokens.IssueAsync(caller, now + lifetime, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(token).ConfigureAwait(false);
        return 0;
    }

    private static StaffRole ParseRole(string? role) => role?.ToLowerInvariant() switch
    {
        null => throw new CliUsageException("--staff needs --role agent|supervisor|editor"),
        "agent" => StaffRole.Agent,
        "supervisor" => StaffRole.Supervisor,
        "editor" => StaffRole.Editor,
        _ => throw new CliUsageException($"--role must be agent, supervisor or editor, not '{role}'"),
    };

    private static void CheckId(string option, string id)
    {
        if (id.Length == 0 || id.Length > MaxIdLength || id.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new CliUsageException($"{option} must be 1–{MaxIdLength} characters without spaces, not '{id}'");
        }
    }

    private static CliFailureException NoStorage() => new("this build has no storage composed; tokens cannot be issued");
}

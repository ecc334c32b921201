using Hotline.Contracts.Security;
using Hotline.Silo.Staff;
using Hotline.Silo.WebConsole;

namespace Hotline.Silo.Reports;

/// <summary>
/// Who may read reports, as a named authorization policy over a bearer token or the console's cookie.
/// </summary>
internal static class ReportPolicies
{
    /// <summary>Supervisors and editors (every row), departments and their liaisons (their own row).</summary>
    public const string Readers = "report-readers";

    public const string DepartmentRole = nameof(CallerKind.Department);

    public static IServiceCollection AddReportAccess(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Readers, policy => policy
                .AddAuthenticationSchemes(ConsoleSchemes.TokenOrCookie)
                .RequireRole(nameof(StaffRole.Supervisor), nameof(ConsoleRole.Editor), DepartmentRole, nameof(ConsoleRole.Liaison)));
        return services;
    }
}

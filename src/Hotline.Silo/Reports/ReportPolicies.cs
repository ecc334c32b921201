using Hotline.Contracts.Security;
using Hotline.Silo.Dashboard;

namespace Hotline.Silo.Reports;

/// <summary>
/// Who may read reports, as named authorization policies: endpoints name a policy, so another sign-in scheme
/// (the console's cookie) joins by adding its scheme to these policies, not by touching the endpoints.
/// </summary>
internal static class ReportPolicies
{
    /// <summary>Supervisors (every row) and departments (their own row).</summary>
    public const string Readers = "report-readers";

    public const string DepartmentRole = nameof(CallerKind.Department);

    public static IServiceCollection AddReportAccess(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Readers, policy => policy
                .AddAuthenticationSchemes(TokenAuthenticationHandler.SchemeName)
                .RequireRole(nameof(StaffRole.Supervisor), DepartmentRole));
        return services;
    }
}

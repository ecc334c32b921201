using Hotline.Contracts.Security;
using Orleans.Dashboard;

namespace Hotline.Silo.Dashboard;

/// <summary>The Orleans Dashboard on the HTTP port at <see cref="Path"/>, for supervisors only.</summary>
internal static class DashboardEndpoints
{
    public const string Path = "/dashboard";
    private const string SupervisorsOnly = "supervisors";

    /// <summary>Bearer-token authentication for HTTP pages and the supervisors-only policy.</summary>
    public static IServiceCollection AddSupervisorAccess(this IServiceCollection services)
    {
        // No default scheme: only the endpoints whose policy names this scheme authenticate with it (the gRPC and
        // HTTP/JSON desks check their tokens in their own pipeline).
        services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(SupervisorsOnly, policy => policy
                .AddAuthenticationSchemes(TokenAuthenticationHandler.SchemeName)
                .RequireRole(nameof(StaffRole.Supervisor)));
        return services;
    }

    /// <summary>Maps the dashboard (its page and the API its page calls) behind the supervisors-only policy.</summary>
    public static void MapSupervisorDashboard(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapOrleansDashboard(Path).RequireAuthorization(SupervisorsOnly);
}

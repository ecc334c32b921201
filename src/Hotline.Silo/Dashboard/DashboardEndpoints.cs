using Hotline.Silo.WebConsole;
using Orleans.Dashboard;

namespace Hotline.Silo.Dashboard;

/// <summary>The Orleans Dashboard on the HTTP port at <see cref="Path"/>, for supervisors only (a bearer token or a console session).</summary>
internal static class DashboardEndpoints
{
    public const string Path = "/dashboard";

    /// <summary>Maps the dashboard (its page and the API its page calls) behind the supervisors' policy (<see cref="ConsoleAccess"/>).</summary>
    public static void MapSupervisorDashboard(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapOrleansDashboard(Path).RequireAuthorization(ConsolePolicies.Supervisor);
}

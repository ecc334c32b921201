namespace Hotline.Silo.WebConsole;

/// <summary>
/// The web console on the HTTP port: sign-in at <c>/</c>, the pages <c>/agent</c>, <c>/wallboard</c>, <c>/liaison</c>
/// (and <c>/reports</c>, mapped by the reports), their JSON under <c>/api/console</c>, and the scripts under <c>/console/</c>.
/// </summary>
internal static class ConsoleEndpoints
{
    private static readonly string[] Pages = ["/agent", "/wallboard", "/liaison", "/reports"];

    /// <summary>A page a browser navigates to: an anonymous visit is sent to the sign-in page instead of answered 401.</summary>
    public static bool IsPage(PathString path) => path == "/" || Pages.Any(p => path.StartsWithSegments(p) && !path.StartsWithSegments(p + "/api"));

    /// <summary>Paths that get the console's security headers and the cross-site check.</summary>
    public static bool IsConsolePath(PathString path) =>
        IsPage(path) || path.StartsWithSegments("/api/console") || path.StartsWithSegments("/console")
        || path.StartsWithSegments("/signin") || path.StartsWithSegments("/signout") || path.StartsWithSegments("/api/reports");

    public static IServiceCollection AddWebConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WallboardOptions>(configuration.GetSection("Wallboard"));
        services.AddSingleton<WallboardData>();
        services.AddSingleton<WallboardCluster>();
        services.AddHostedService(provider => provider.GetRequiredService<WallboardCluster>());
        services.AddSingleton<ClusterAgentCommands>();
        services.AddSingleton<Api.Calls.IAgentStateCommands>(provider => provider.GetRequiredService<ClusterAgentCommands>());
        return services;
    }

    /// <summary>Security headers and the cross-site check; runs before authentication.</summary>
    public static IApplicationBuilder UseWebConsole(this IApplicationBuilder app) => app.UseMiddleware<ConsoleRequestGuard>();

    public static void MapWebConsole(this IEndpointRouteBuilder endpoints)
    {
        SignInEndpoints.Map(endpoints);
        ConsolePages.Map(endpoints);
        ConsoleAssets.Map(endpoints);
        var api = endpoints.MapGroup("/api/console");
        AgentApi.Map(api);
        CallbackApi.Map(api);
        KnowledgeApi.Map(api);
        WallboardApi.Map(api);
        SupervisorApi.Map(api);
        LiaisonApi.Map(api);
    }
}

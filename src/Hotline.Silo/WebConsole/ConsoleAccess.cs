using Hotline.Silo.Dashboard;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;

namespace Hotline.Silo.WebConsole;

/// <summary>Authentication and authorization of the HTTP port, in one place: console cookies, bearer tokens, the role policies.</summary>
internal static class ConsoleAccess
{
    /// <summary>A shift and some overtime; the session slides while the console is in use.</summary>
    private static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(10);

    public static IServiceCollection AddConsoleAccess(this IServiceCollection services, IConfiguration configuration)
    {
        // Cookies stay readable across restarts: the keys live beside the data (0700 like the rest of DataDir).
        services.AddDataProtection()
            .SetApplicationName("Hotline")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(configuration["DataDir"]!, "keys")));
        services.AddSingleton<StaffSignIn>();
        services.AddSingleton<ConsoleCookieEvents>();

        // No default scheme: only endpoints whose policy names a scheme authenticate (the gRPC and HTTP/JSON desks
        // check their tokens in their own pipeline).
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null)
            .AddCookie(ConsoleSchemes.Cookie, options =>
            {
                options.Cookie.Name = ConsoleSchemes.CookieName;
                options.Cookie.HttpOnly = true;
                // Strict: a cross-site page never sends the cookie, so it cannot act as the signed-in user (CSRF);
                // ConsoleRequestGuard checks the Origin of every changing request as well.
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = SessionLifetime;
                options.SlidingExpiration = true;
                options.LoginPath = "/";
                options.EventsType = typeof(ConsoleCookieEvents);
            })
            .AddPolicyScheme(ConsoleSchemes.TokenOrCookie, "token or console cookie", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.Count > 0 ? TokenAuthenticationHandler.SchemeName : ConsoleSchemes.Cookie);
        ConsolePolicies.Add(services.AddAuthorizationBuilder());
        return services;
    }
}

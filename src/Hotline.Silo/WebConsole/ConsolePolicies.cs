using Hotline.Silo.Staff;
using Microsoft.AspNetCore.Authorization;

namespace Hotline.Silo.WebConsole;

/// <summary>
/// The HTTP port's authorization policies, used alike by console pages, their JSON under <c>/api/console</c> and
/// the Orleans Dashboard. Each accepts a console session cookie or a bearer token (<see cref="ConsoleSchemes.TokenOrCookie"/>);
/// role claims are the <see cref="ConsoleRole"/> names, which match the token roles.
/// </summary>
internal static class ConsolePolicies
{
    /// <summary>The agent workspace: agents, and supervisors who may do everything an agent may.</summary>
    public const string Agent = "console-agent";

    /// <summary>The wallboard and the dashboard.</summary>
    public const string Supervisor = "supervisors";

    /// <summary>A department liaison's own tickets.</summary>
    public const string Liaison = "console-liaison";

    /// <summary>Any signed-in console account (the reports, the account's own details).</summary>
    public const string AnyStaff = "console-staff";

    public static void Add(AuthorizationBuilder builder)
    {
        builder.AddPolicy(Agent, Roles(ConsoleRole.Agent, ConsoleRole.Supervisor));
        builder.AddPolicy(Supervisor, Roles(ConsoleRole.Supervisor));
        builder.AddPolicy(Liaison, Roles(ConsoleRole.Liaison));
        builder.AddPolicy(AnyStaff, Roles(ConsoleRole.Agent, ConsoleRole.Supervisor, ConsoleRole.Editor, ConsoleRole.Liaison));
    }

    private static Action<AuthorizationPolicyBuilder> Roles(params ConsoleRole[] roles) => policy => policy
        .AddAuthenticationSchemes(ConsoleSchemes.TokenOrCookie)
        .RequireAuthenticatedUser()
        .RequireRole(roles.Select(r => r.ToString()));
}

using System.Security.Claims;
using Hotline.Silo.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Hotline.Silo.WebConsole;

/// <summary>
/// Pages send an anonymous browser to the sign-in page; everything else (JSON, the dashboard) answers 401, and a
/// signed-in user without the role gets 403. Each request re-reads the account, so a disabled account or a changed
/// role ends its sessions at once.
/// </summary>
internal sealed class ConsoleCookieEvents(IStaffStore staff) : CookieAuthenticationEvents
{
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (ConsoleEndpoints.IsPage(context.Request.Path))
        {
            context.Response.Redirect("/?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }

        return Task.CompletedTask;
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var id = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var account = id is null ? null : await staff.FindAsync(id, context.HttpContext.RequestAborted);
        if (account is null || !account.Enabled || !principal!.IsInRole(account.Role.ToString())
            || principal.FindFirstValue(ConsoleSchemes.DepartmentClaim) != account.DepartmentId)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(ConsoleSchemes.Cookie);
        }
    }
}

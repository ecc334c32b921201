using System.Globalization;
using Microsoft.AspNetCore.Authentication;

namespace Hotline.Silo.WebConsole;

/// <summary><c>/</c>: the sign-in form (or a redirect to the signed-in user's home), <c>POST /signin</c> and <c>POST /signout</c>.</summary>
internal static class SignInEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", async (HttpContext context) =>
        {
            var result = await context.AuthenticateAsync(ConsoleSchemes.Cookie);
            return result.Principal is { } principal && ConsoleUser.From(principal) is { } user
                ? Results.Redirect(user.Home)
                : Form(LocalUrl(context.Request.Query["returnUrl"]), "", null);
        });
        endpoints.MapPost("/signin", SignInAsync);
        endpoints.MapPost("/signout", async (HttpContext context) =>
        {
            await context.SignOutAsync(ConsoleSchemes.Cookie);
            return Results.Redirect("/");
        });
    }

    private static async Task<IResult> SignInAsync(HttpContext context, StaffSignIn signIn, TimeProvider timeProvider)
    {
        if (!context.Request.HasFormContentType)
        {
            return Results.BadRequest("expected a form");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var id = form["id"].ToString().Trim();
        var password = form["password"].ToString();
        var returnUrl = LocalUrl(form["returnUrl"]);
        var result = await signIn.SignInAsync(id, password, context.RequestAborted);
        switch (result.Outcome)
        {
            case SignInOutcome.SignedIn:
                var account = result.Account!;
                var user = new ConsoleUser(account.Id, account.Role, account.DepartmentId);
                await context.SignInAsync(ConsoleSchemes.Cookie, user.ToPrincipal());
                return Results.Redirect(returnUrl ?? user.Home);
            case SignInOutcome.Locked:
                var minutes = Math.Max(1, (int)Math.Ceiling((result.LockedUntil!.Value - timeProvider.GetUtcNow()).TotalMinutes));
                return Form(returnUrl, id, string.Create(CultureInfo.InvariantCulture, $"密码错误次数过多，账户已锁定，请 {minutes} 分钟后再试。"), StatusCodes.Status429TooManyRequests);
            case SignInOutcome.Disabled:
                return Form(returnUrl, id, "该账户已停用，请联系管理员。", StatusCodes.Status403Forbidden);
            default:
                return Form(returnUrl, id, "工号或密码错误。", StatusCodes.Status401Unauthorized);
        }
    }

    /// <summary>Only a path on this host: an absolute or protocol-relative URL could send the user elsewhere after sign-in.</summary>
    private static string? LocalUrl(string? url) =>
        url is { Length: > 1 } && url[0] == '/' && url[1] is not '/' and not '\\' ? url : null;

    private static IResult Form(string? returnUrl, string id, string? error, int status = StatusCodes.Status200OK)
    {
        var message = error is null ? "" : $"<p class=\"error\" id=\"signin-error\" role=\"alert\">{PageLayout.E(error)}</p>";
        var body = $"""
            <section class="signin">
              <h1>工作人员登录</h1>
              {message}
              <form method="post" action="/signin" id="signin-form">
                <input type="hidden" name="returnUrl" value="{PageLayout.E(returnUrl)}">
                <label>工号 <input name="id" id="signin-id" autocomplete="username" required autofocus value="{PageLayout.E(id)}"></label>
                <label>密码 <input name="password" id="signin-password" type="password" autocomplete="current-password" required></label>
                <button type="submit" id="signin-submit">登录</button>
              </form>
            </section>
            """;
        var page = PageLayout.Page("登录", null, body);
        return status == StatusCodes.Status200OK ? page : new StatusResult(page, status);
    }
}

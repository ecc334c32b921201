using System.Security.Claims;
using System.Text.Encodings.Web;
using Hotline.Contracts.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Hotline.Silo.Dashboard;

/// <summary>
/// "Authorization: Bearer &lt;token&gt;" (RFC 6750 §2.1) on HTTP pages, checked against the same token store as
/// the gRPC desks, so operators use the tokens <c>token issue</c> gives them. The caller's staff role becomes a role claim.
/// </summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ITokenValidator tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "HotlineToken";
    private const string Prefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length == Prefix.Length)
        {
            return AuthenticateResult.Fail("expected 'Authorization: Bearer <token>'");
        }

        var caller = await tokens.ValidateAsync(header[Prefix.Length..].Trim(), Context.RequestAborted);
        if (caller is null)
        {
            return AuthenticateResult.Fail("unknown or revoked token");
        }

        Claim[] claims =
        [
            new(ClaimTypes.NameIdentifier, caller.Id),
            new(ClaimTypes.Role, caller.Kind == CallerKind.Staff ? caller.Role.ToString() : nameof(CallerKind.Department)),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}

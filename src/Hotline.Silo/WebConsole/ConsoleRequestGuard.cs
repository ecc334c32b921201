using Hotline.Silo.Hosting;
using Microsoft.Net.Http.Headers;

namespace Hotline.Silo.WebConsole;

/// <summary>
/// For the console's paths: security headers on every answer (a content security policy allowing only this
/// host's own scripts, styles and connections), and for every changing request that carries no bearer token an
/// Origin (or Referer) check against the request's own host, so no other site can post with the session cookie.
/// </summary>
internal sealed class ConsoleRequestGuard(RequestDelegate next, ListenerPorts ports)
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        if (ports.IsGrpc(context) || !ConsoleEndpoints.IsConsolePath(context.Request.Path))
        {
            return next(context);
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers.CacheControl = "no-store";

        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)
            || context.Request.Headers.Authorization.Count > 0 || SameOrigin(context.Request))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return context.Response.WriteAsync("cross-site request refused: Origin must be this host");
    }

    private static bool SameOrigin(HttpRequest request)
    {
        var self = $"{request.Scheme}://{request.Host}";
        string? origin = request.Headers.Origin;
        if (!string.IsNullOrEmpty(origin))
        {
            return string.Equals(origin, self, StringComparison.OrdinalIgnoreCase);
        }

        // Some browsers omit Origin on same-origin form posts; the Referer then names the page.
        return Uri.TryCreate(request.Headers[HeaderNames.Referer], UriKind.Absolute, out var referer)
            && string.Equals(referer.GetLeftPart(UriPartial.Authority), self, StringComparison.OrdinalIgnoreCase);
    }
}

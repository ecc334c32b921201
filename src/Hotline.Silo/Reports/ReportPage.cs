namespace Hotline.Silo.Reports;

/// <summary>
/// The /reports page: HTML, script and styles embedded in the executable, Apache ECharts from the build's npm
/// install (copied beside the executable as web/echarts.min.js, never committed). A strict content security
/// policy: scripts only from this host.
/// </summary>
internal static class ReportPage
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private const string EchartsFile = "web/echarts.min.js";

    public static void MapReportPage(this IEndpointRouteBuilder endpoints)
    {
        var page = endpoints.MapGroup("/reports").RequireAuthorization(ReportPolicies.Readers);
        page.MapGet("", (HttpContext context) => Embedded(context, "index.html", "text/html; charset=utf-8"));
        page.MapGet("/app.js", (HttpContext context) => Embedded(context, "app.js", "text/javascript; charset=utf-8"));
        page.MapGet("/app.css", (HttpContext context) => Embedded(context, "app.css", "text/css; charset=utf-8"));
        page.MapGet("/echarts.min.js", (HttpContext context) =>
        {
            var path = Path.Combine(AppContext.BaseDirectory, EchartsFile);
            Secure(context);
            return File.Exists(path)
                ? Results.File(path, "text/javascript; charset=utf-8")
                : Results.Problem($"{EchartsFile} is missing: the build copies it from npm's echarts package (npm install in src/Hotline.Silo).", statusCode: StatusCodes.Status503ServiceUnavailable);
        });
    }

    private static IResult Embedded(HttpContext context, string name, string contentType)
    {
        Secure(context);
        var stream = typeof(ReportPage).Assembly.GetManifestResourceStream("Hotline.Silo.Reports.Web." + name)
            ?? throw new InvalidOperationException($"the page file {name} is not embedded");
        return Results.Stream(stream, contentType);
    }

    private static void Secure(HttpContext context)
    {
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-store";
    }
}

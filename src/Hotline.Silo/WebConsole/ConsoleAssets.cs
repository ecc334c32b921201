using System.Reflection;

namespace Hotline.Silo.WebConsole;

/// <summary>
/// The console's scripts and style sheet, embedded in the executable (no CDN, nothing to deploy beside it) and
/// served from <c>/console/{name}</c>. Only the listed names are served.
/// </summary>
internal static class ConsoleAssets
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["console.css"] = "text/css; charset=utf-8",
        ["common.js"] = "text/javascript; charset=utf-8",
        ["agent.js"] = "text/javascript; charset=utf-8",
        ["wallboard.js"] = "text/javascript; charset=utf-8",
        ["liaison.js"] = "text/javascript; charset=utf-8",
        ["callbacks.js"] = "text/javascript; charset=utf-8",
    };

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/console/{name}", (string name) =>
        {
            if (!Types.TryGetValue(name, out var type)
                || Assembly.GetExecutingAssembly().GetManifestResourceStream("Hotline.Silo.WebConsole.Assets." + name) is not { } stream)
            {
                return Results.NotFound();
            }

            return Results.Stream(stream, type);
        });
}

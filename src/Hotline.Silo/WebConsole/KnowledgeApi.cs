using Hotline.Search;
using Hotline.Search.Engine;

namespace Hotline.Silo.WebConsole;

/// <summary><c>/api/console/knowledge?q=…</c>: knowledge-base hits with their highlighted words as segments.</summary>
internal static class KnowledgeApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/knowledge", (HttpContext context, KnowledgeBase knowledge, string? q) => ConsoleErrors.Run(async () =>
        {
            if (string.IsNullOrWhiteSpace(q))
            {
                return ConsoleErrors.Bad("q", "请输入要查找的内容");
            }

            var result = await knowledge.SearchAsync(new SearchRequest(q.Trim(), Limit: 8), context.RequestAborted);
            return Results.Json(new
            {
                total = result.Total,
                hits = result.Hits.Select(h => new
                {
                    id = h.ArticleId,
                    title = TicketJson.Segments(h.TitleHighlight),
                    snippet = TicketJson.Segments(h.Snippet),
                    department = h.Department,
                    category = h.Category,
                }),
            });
        })).RequireAuthorization(ConsolePolicies.Agent);
}

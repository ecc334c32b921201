using System.Text.Json;
using Hotline.Search.Articles;
using Hotline.Search.Dispatch;
using Hotline.Search.Usage;

namespace Hotline.Search.Demo;

/// <summary>
/// The demo data shipped inside the library: 90 articles, 240 resolved dispatches and the
/// department list. Used to seed an empty knowledge base, by the tests and by the benchmark.
/// </summary>
public static class DemoCorpus
{
    /// <summary>The demo articles as drafts (all valid).</summary>
    public static IReadOnlyList<ArticleDraft> ArticleDrafts()
    {
        using var reader = new StringReader(EmbeddedText.Read("Demo.articles.jsonl"));
        var batch = ArticleJsonLines.Parse(reader, "articles.jsonl");
        return batch.IsValid
            ? batch.Drafts
            : throw new InvalidOperationException("Demo corpus is invalid: " + string.Join("; ", batch.Errors));
    }

    /// <summary>The demo articles as version-1 articles without history (for engines used without a store).</summary>
    public static IReadOnlyList<Article> Articles() =>
        ArticleDrafts().Select(d => new Article(d.Id, d.Title, d.Category, d.Department, d.Keywords, d.AppliesTo, d.Content,
            d.Updated ?? DateOnly.MinValue, 1, [])).ToList();

    /// <summary>The raw JSON Lines text of the demo articles.</summary>
    public static string ArticlesJsonLines() => EmbeddedText.Read("Demo.articles.jsonl");

    /// <summary>The 240 demo dispatches (tickets-train.jsonl), each resolved without return.</summary>
    public static IReadOnlyList<DispatchRecord> Dispatches() =>
        EmbeddedText.Read("Demo.tickets-train.jsonl")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line =>
            {
                using var document = JsonDocument.Parse(line);
                var e = document.RootElement;
                return new DispatchRecord(e.GetProperty("id").GetString()!, e.GetProperty("text").GetString()!,
                    e.GetProperty("category").GetString()!, e.GetProperty("district").GetString()!, e.GetProperty("department").GetString()!);
            })
            .ToList();

    /// <summary>
    /// Demo evidence for learning from use. For 133 of the 240 demo tickets, the article an agent
    /// handling it would attach (article-use.jsonl): the tickets carry only a department, so these
    /// pairs were labelled by hand from each ticket's text and department, before any colloquial
    /// question was seen; the other 107 tickets have no answering article in the demo corpus.
    /// Then 74 written case notes (article-use-written.jsonl, tickets W-0001…, text inline), so
    /// that every article has at least two handled calls behind it: without them, 17 articles had
    /// none and history could never lift them.
    /// </summary>
    public static IReadOnlyList<ArticleUse> ArticleUses()
    {
        var texts = Dispatches().ToDictionary(d => d.TicketId, d => d.Text, StringComparer.Ordinal);
        return Uses("Demo.article-use.jsonl", e => texts[e.GetProperty("ticket").GetString()!])
            .Concat(Uses("Demo.article-use-written.jsonl", e => e.GetProperty("text").GetString()!))
            .ToList();
    }

    private static IEnumerable<ArticleUse> Uses(string resource, Func<JsonElement, string> text) =>
        EmbeddedText.Read(resource)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line =>
            {
                using var document = JsonDocument.Parse(line);
                var e = document.RootElement;
                return new ArticleUse(e.GetProperty("ticket").GetString()!, text(e), e.GetProperty("article").GetString()!,
                    Enum.Parse<ArticleUseKind>(e.GetProperty("kind").GetString()!, ignoreCase: true));
            });

    /// <summary>The demo department list (departments.json).</summary>
    public static IReadOnlyList<DepartmentInfo> Departments()
    {
        using var document = JsonDocument.Parse(EmbeddedText.Read("Demo.departments.json"));
        return document.RootElement.EnumerateArray()
            .Select(e => new DepartmentInfo(e.GetProperty("id").GetString()!, e.GetProperty("name").GetString()!,
                e.GetProperty("kind").GetString()!, e.GetProperty("responsibilities").GetString()!))
            .ToList();
    }
}

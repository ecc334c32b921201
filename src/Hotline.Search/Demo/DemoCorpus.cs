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
    /// Demo evidence for learning from use: for 133 of the 240 demo tickets, the article an agent
    /// handling it would attach (article-use.jsonl). The tickets carry only a department, so these
    /// pairs were labelled by hand from each ticket's text and department, before any colloquial
    /// question was seen; the other 107 tickets have no answering article in the demo corpus.
    /// </summary>
    public static IReadOnlyList<ArticleUse> ArticleUses()
    {
        var texts = Dispatches().ToDictionary(d => d.TicketId, d => d.Text, StringComparer.Ordinal);
        return EmbeddedText.Read("Demo.article-use.jsonl")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line =>
            {
                using var document = JsonDocument.Parse(line);
                var e = document.RootElement;
                var ticket = e.GetProperty("ticket").GetString()!;
                return new ArticleUse(ticket, texts[ticket], e.GetProperty("article").GetString()!,
                    Enum.Parse<ArticleUseKind>(e.GetProperty("kind").GetString()!, ignoreCase: true));
            })
            .ToList();
    }

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

using Hotline.Search.Articles;

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
}

using System.Text.Json.Serialization;
using Hotline.Search.Analysis;
using Hotline.Search.Articles;

namespace Hotline.Search.Engine.Elasticsearch;

/// <summary>
/// The indexed document. Text fields are folded client-side (traditional → simplified, full-width →
/// half-width) with the embedded engine's code, so both engines agree on what matches; the
/// server's <c>hotline_cjk</c> chain then splits Han text into bigrams. Folding keeps every offset,
/// so highlight positions in a folded field are positions in the original.
/// </summary>
internal sealed record ArticleDocument(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("title_folded")] string TitleFolded,
    [property: JsonPropertyName("keywords")] IReadOnlyList<string> Keywords,
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("category")] string Category,
    [property: JsonPropertyName("department")] string Department,
    [property: JsonPropertyName("applies_to")] IReadOnlyList<string> AppliesTo,
    [property: JsonPropertyName("source")] ArticleSource? Source)
{
    public static ArticleDocument From(Article article)
    {
        var title = TextFolding.Fold(article.Title);
        return new ArticleDocument(article.Id, title, title, article.Keywords.Select(TextFolding.Fold).ToList(),
            TextFolding.Fold(article.Content), TextFolding.Fold(article.Category), TextFolding.Fold(article.Department),
            AppliesToTerms(article.AppliesTo).ToList(), ArticleSource.From(article));
    }

    /// <summary>个人和企业 is indexed as itself and as 个人 and 企业, so either filter finds it.</summary>
    public static IEnumerable<string> AppliesToTerms(string appliesTo)
    {
        var folded = TextFolding.Fold(appliesTo);
        yield return folded;
        foreach (var part in folded.Split(['和', '、', ',', '，', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part != folded)
            {
                yield return part;
            }
        }
    }
}

using System.Text.Json.Serialization;
using Hotline.Search.Articles;

namespace Hotline.Search.Engine.Elasticsearch;

/// <summary>
/// The article as written, kept in the indexed document unindexed (<c>enabled: false</c>) so hits
/// can show the original (traditional, full-width) text while searches run on the folded fields.
/// </summary>
internal sealed record ArticleSource(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("category")] string Category,
    [property: JsonPropertyName("department")] string Department,
    [property: JsonPropertyName("keywords")] IReadOnlyList<string> Keywords,
    [property: JsonPropertyName("applies_to")] string AppliesTo,
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("updated")] DateOnly Updated)
{
    public static ArticleSource From(Article article) =>
        new(article.Id, article.Title, article.Category, article.Department, article.Keywords, article.AppliesTo, article.Content, article.Updated);

    public Article ToArticle() => new(Id, Title, Category, Department, Keywords ?? [], AppliesTo, Content, Updated, 0, []);
}

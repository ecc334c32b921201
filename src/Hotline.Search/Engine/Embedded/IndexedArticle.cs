using Hotline.Search.Analysis;
using Hotline.Search.Articles;

namespace Hotline.Search.Engine.Embedded;

/// <summary>An article as the embedded index holds it: folded fields for filters and field lengths for scoring.</summary>
internal sealed class IndexedArticle
{
    public IndexedArticle(Article article, int titleLength, int keywordLength, int contentLength)
    {
        Article = article;
        FoldedTitle = TextFolding.Fold(article.Title);
        Category = TextFolding.Fold(article.Category);
        Department = TextFolding.Fold(article.Department);
        AppliesTo = TextFolding.Fold(article.AppliesTo);
        TitleLength = titleLength;
        KeywordLength = keywordLength;
        ContentLength = contentLength;
    }

    public Article Article { get; }

    public string FoldedTitle { get; }

    public string Category { get; }

    public string Department { get; }

    public string AppliesTo { get; }

    public int TitleLength { get; }

    public int KeywordLength { get; }

    public int ContentLength { get; }

    public bool Alive { get; set; } = true;

    /// <summary>Folded filters: empty means any; applies-to "个人" also matches "个人和企业".</summary>
    public bool Matches(string? category, string? department, string? appliesTo) =>
        (string.IsNullOrEmpty(category) || Category == category)
        && (string.IsNullOrEmpty(department) || Department == department)
        && (string.IsNullOrEmpty(appliesTo) || AppliesTo.Contains(appliesTo, StringComparison.Ordinal));
}

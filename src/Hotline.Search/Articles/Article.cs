namespace Hotline.Search.Articles;

/// <summary>A knowledge-base article (办事指南 or policy Q&amp;A) as stored, with its history.</summary>
/// <param name="Id">Stable id, e.g. KB-0001.</param>
/// <param name="Department">Responsible department id (departments.json).</param>
/// <param name="AppliesTo">Who it applies to: 个人, 企业 or 个人和企业.</param>
/// <param name="Content">Markdown; <c>## </c> headings divide it into sections.</param>
/// <param name="Version">1 for the first version, +1 per change.</param>
public sealed record Article(
    string Id,
    string Title,
    string Category,
    string Department,
    IReadOnlyList<string> Keywords,
    string AppliesTo,
    string Content,
    DateOnly Updated,
    int Version,
    IReadOnlyList<ArticleRevision> History)
{
    /// <summary>The content split at its <c>## </c> headings.</summary>
    public IReadOnlyList<ArticleSection> Sections => ArticleSection.Split(Content);

    /// <summary>The editable fields as a draft (for edits and export).</summary>
    public ArticleDraft ToDraft() => new(Id, Title, Category, Department, Keywords, AppliesTo, Content, Updated);
}

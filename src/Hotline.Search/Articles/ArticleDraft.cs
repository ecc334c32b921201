namespace Hotline.Search.Articles;

/// <summary>The editable fields of an article: what an editor or an import supplies.</summary>
/// <param name="Updated">Date shown to readers; null means today.</param>
public sealed record ArticleDraft(
    string Id,
    string Title,
    string Category,
    string Department,
    IReadOnlyList<string> Keywords,
    string AppliesTo,
    string Content,
    DateOnly? Updated = null);

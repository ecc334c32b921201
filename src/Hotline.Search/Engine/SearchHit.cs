namespace Hotline.Search.Engine;

/// <summary>A ranked article with its title and a content snippet, both highlighted.</summary>
public sealed record SearchHit(
    string ArticleId,
    string Title,
    string Category,
    string Department,
    string AppliesTo,
    DateOnly Updated,
    double Score,
    HighlightedText TitleHighlight,
    HighlightedText Snippet);

namespace Hotline.Search.Engine;

/// <summary>An autocomplete entry: an article title with the typed text highlighted.</summary>
public sealed record TitleSuggestion(string ArticleId, HighlightedText Title);

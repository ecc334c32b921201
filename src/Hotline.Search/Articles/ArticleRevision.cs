namespace Hotline.Search.Articles;

/// <summary>One entry of an article's history: who changed it, when, and what.</summary>
/// <param name="Summary">What changed, e.g. "created" or "title, content".</param>
public sealed record ArticleRevision(int Version, string Editor, DateTimeOffset At, string Summary);

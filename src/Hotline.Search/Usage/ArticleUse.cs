namespace Hotline.Search.Usage;

/// <summary>
/// Evidence that an article helped with a ticket: the ticket's text as the agent typed it and
/// the article opened or attached. A new question similar to the ticket lifts the article.
/// </summary>
public sealed record ArticleUse(string TicketId, string TicketText, string ArticleId, ArticleUseKind Kind)
{
    /// <summary>Longest ticket text kept (the same limit as dispatch).</summary>
    public const int MaxTextLength = 5000;
}

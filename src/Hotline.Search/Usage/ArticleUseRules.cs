namespace Hotline.Search.Usage;

/// <summary>What makes article-use evidence acceptable.</summary>
internal static class ArticleUseRules
{
    /// <exception cref="SearchInputException">A field is empty, oversized or binary (the message names it).</exception>
    public static void Require(ArticleUse use)
    {
        if (string.IsNullOrWhiteSpace(use.TicketId) || use.TicketId.Length > 64 || !TextChecks.IsCleanText(use.TicketId, false))
        {
            throw new SearchInputException("ticket_id", "must be 1-64 printable characters");
        }

        if (string.IsNullOrWhiteSpace(use.TicketText) || use.TicketText.Length > ArticleUse.MaxTextLength || !TextChecks.IsCleanText(use.TicketText, true))
        {
            throw new SearchInputException("ticket_text", $"must be 1-{ArticleUse.MaxTextLength} characters of text");
        }

        if (string.IsNullOrWhiteSpace(use.ArticleId) || use.ArticleId.Length > 64 || !TextChecks.IsCleanText(use.ArticleId, false))
        {
            throw new SearchInputException("article_id", "must be 1-64 printable characters");
        }

        if (!Enum.IsDefined(use.Kind))
        {
            throw new SearchInputException("kind", "must be opened or attached");
        }
    }
}

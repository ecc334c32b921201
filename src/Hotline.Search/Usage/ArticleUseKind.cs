namespace Hotline.Search.Usage;

/// <summary>How an agent used an article while handling a ticket.</summary>
public enum ArticleUseKind
{
    /// <summary>Opened it to read (weaker evidence: it may not have helped).</summary>
    Opened = 1,

    /// <summary>Attached it to the ticket or quoted it in the answer.</summary>
    Attached = 2,
}

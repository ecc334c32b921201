namespace Hotline.Search;

/// <summary>
/// Input the search library refuses: empty or oversized queries, binary text, malformed articles
/// or tables. The gRPC layer maps it to INVALID_ARGUMENT with <see cref="Exception.Message"/>.
/// </summary>
public sealed class SearchInputException : Exception
{
    public SearchInputException(string field, string reason)
        : base($"{field}: {reason}")
    {
        Field = field;
        Reason = reason;
    }

    /// <summary>The request field at fault (query, article.title, …).</summary>
    public string Field { get; }

    /// <summary>What is wrong with it.</summary>
    public string Reason { get; }
}

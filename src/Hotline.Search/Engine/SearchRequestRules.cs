namespace Hotline.Search.Engine;

/// <summary>Limits on queries, so hostile input gets a clear refusal instead of a slow scan.</summary>
public static class SearchRequestRules
{
    public const int MaxQueryLength = 1000;
    public const int MaxPrefixLength = 64;
    public const int MaxLimit = 100;
    public const int MaxOffset = 10_000;
    public const int MaxFilterLength = 64;

    /// <summary>Throws <see cref="SearchInputException"/> for a request no engine should run.</summary>
    public static void Require(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireText("query", request.Query, MaxQueryLength);
        RequireFilter("category", request.Category);
        RequireFilter("department", request.Department);
        RequireFilter("applies_to", request.AppliesTo);
        if (request.Limit is < 1 or > MaxLimit)
        {
            throw new SearchInputException("limit", $"must be between 1 and {MaxLimit}");
        }

        if (request.Offset is < 0 or > MaxOffset)
        {
            throw new SearchInputException("offset", $"must be between 0 and {MaxOffset}");
        }
    }

    /// <summary>Checks an autocomplete prefix.</summary>
    public static void RequirePrefix(string prefix, int limit)
    {
        RequireText("prefix", prefix, MaxPrefixLength);
        if (limit is < 1 or > MaxLimit)
        {
            throw new SearchInputException("limit", $"must be between 1 and {MaxLimit}");
        }
    }

    private static void RequireText(string field, string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new SearchInputException(field, "is empty");
        }

        if (text.Length > max)
        {
            throw new SearchInputException(field, $"is longer than {max} characters");
        }

        if (!TextChecks.IsCleanText(text, false))
        {
            throw new SearchInputException(field, "contains binary or control characters");
        }
    }

    private static void RequireFilter(string field, string? value)
    {
        if (value is not null && (value.Length > MaxFilterLength || !TextChecks.IsCleanText(value, false)))
        {
            throw new SearchInputException(field, $"must be at most {MaxFilterLength} printable characters");
        }
    }
}

namespace Hotline.Search.Dispatch;

/// <summary>Refuses a dispatch query the advisor cannot score, naming the field.</summary>
internal static class DispatchQueryChecks
{
    public static void Require(DispatchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrWhiteSpace(query.Text))
        {
            throw new SearchInputException("text", "is empty");
        }

        if (query.Text.Length > DispatchAdvisor.MaxTextLength)
        {
            throw new SearchInputException("text", $"is longer than {DispatchAdvisor.MaxTextLength} characters");
        }

        if (!TextChecks.IsCleanText(query.Text, true))
        {
            throw new SearchInputException("text", "contains binary or control characters");
        }

        foreach (var (name, value) in new[] { ("category", query.Category), ("district", query.District) })
        {
            if (value is not null && (value.Length > 64 || !TextChecks.IsCleanText(value, false)))
            {
                throw new SearchInputException(name, "must be at most 64 printable characters");
            }
        }

        if (query.Limit is < 1 or > 20)
        {
            throw new SearchInputException("limit", "must be between 1 and 20");
        }
    }
}

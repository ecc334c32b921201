namespace Hotline.Search.Dispatch;

/// <summary>
/// An operator rule: when the text contains any keyword (and the category and district match, if
/// given), the department gains <paramref name="Weight"/>. Keywords empty means category/district alone.
/// </summary>
public sealed record DispatchRule(string Id, string Department, IReadOnlyList<string> Keywords, string? Category, string? District, double Weight)
{
    /// <summary>The keywords found in the folded text, or null when the rule does not apply.</summary>
    public IReadOnlyList<string>? Match(string foldedText, string? category, string? district)
    {
        if ((Category is not null && Category != category) || (District is not null && District != district))
        {
            return null;
        }

        var found = Keywords.Where(k => foldedText.Contains(k, StringComparison.Ordinal)).ToList();
        return Keywords.Count == 0 || found.Count > 0 ? found : null;
    }
}

using Hotline.Search.Analysis;

namespace Hotline.Search.Lexicon;

/// <summary>What makes a lexicon entry acceptable, checked wherever entries come in (files, API).</summary>
internal static class LexiconRules
{
    /// <summary>The reason the entry is bad, or null.</summary>
    public static (string Field, string Reason)? Check(LexiconEntry entry)
    {
        if (BadText(entry.Colloquial) is { } colloquial)
        {
            return ("colloquial", colloquial);
        }

        if (BadText(entry.Official) is { } official)
        {
            return ("official", official);
        }

        if (TextFolding.Fold(entry.Colloquial.Trim()) == TextFolding.Fold(entry.Official.Trim()))
        {
            return ("official", "must differ from the colloquial text");
        }

        if (!(entry.Weight > 0 && entry.Weight <= LexiconEntry.MaxWeight))
        {
            return ("weight", $"must be above 0 and at most {LexiconEntry.MaxWeight}");
        }

        if (string.IsNullOrWhiteSpace(entry.Source) || entry.Source.Length > LexiconEntry.MaxSourceLength
            || !TextChecks.IsCleanText(entry.Source, false))
        {
            return ("source", $"must be 1-{LexiconEntry.MaxSourceLength} printable characters");
        }

        return null;
    }

    /// <exception cref="SearchInputException">The entry is bad; the message names the field.</exception>
    public static void Require(LexiconEntry entry)
    {
        if (Check(entry) is { } problem)
        {
            throw new SearchInputException(problem.Field, problem.Reason);
        }
    }

    /// <summary>The entry trimmed and folded the way lookups see it.</summary>
    public static LexiconEntry Normalise(LexiconEntry entry) =>
        entry with { Colloquial = TextFolding.Fold(entry.Colloquial.Trim()), Official = TextFolding.Fold(entry.Official.Trim()), Source = entry.Source.Trim() };

    private static string? BadText(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length is < 2 or > LexiconEntry.MaxTextLength)
        {
            return $"must be 2-{LexiconEntry.MaxTextLength} characters";
        }

        return TextChecks.IsCleanText(trimmed, false) && !trimmed.Contains("=>", StringComparison.Ordinal) && !trimmed.Contains('|')
            ? null
            : "must be printable text without '=>' or '|'";
    }
}

using System.Text.RegularExpressions;

namespace Hotline.Search.Articles;

/// <summary>What makes an article acceptable; imports and edits share these rules.</summary>
public static partial class ArticleRules
{
    public const int MaxTitleLength = 200;
    public const int MaxContentLength = 100_000;
    public const int MaxKeywords = 50;
    public const int MaxKeywordLength = 50;
    public const int MaxShortFieldLength = 64;

    /// <summary>The reason the draft is unacceptable, or null when it is fine.</summary>
    public static string? Check(ArticleDraft draft)
    {
        if (draft.Id is null || !IdPattern().IsMatch(draft.Id))
        {
            return "id must be 1-64 characters of letters, digits, '-', '_' or '.'";
        }

        return CheckText("title", draft.Title, MaxTitleLength, false)
            ?? CheckText("content", draft.Content, MaxContentLength, true)
            ?? CheckText("category", draft.Category, MaxShortFieldLength, false)
            ?? CheckText("department", draft.Department, MaxShortFieldLength, false)
            ?? CheckText("applies_to", draft.AppliesTo, MaxShortFieldLength, false, allowEmpty: true)
            ?? CheckKeywords(draft.Keywords);
    }

    /// <summary>Throws <see cref="SearchInputException"/> when <see cref="Check"/> finds a fault.</summary>
    public static void Require(ArticleDraft draft)
    {
        if (Check(draft) is { } reason)
        {
            throw new SearchInputException("article", reason);
        }
    }

    private static string? CheckKeywords(IReadOnlyList<string>? keywords)
    {
        if (keywords is null)
        {
            return "keywords must be a list";
        }

        if (keywords.Count > MaxKeywords)
        {
            return $"at most {MaxKeywords} keywords";
        }

        foreach (var keyword in keywords)
        {
            if (CheckText("keywords", keyword, MaxKeywordLength, false) is { } reason)
            {
                return reason;
            }
        }

        return null;
    }

    private static string? CheckText(string name, string? value, int max, bool multiline, bool allowEmpty = false)
    {
        if (value is null || (!allowEmpty && string.IsNullOrWhiteSpace(value)))
        {
            return $"{name} is required";
        }

        if (value.Length > max)
        {
            return $"{name} is longer than {max} characters";
        }

        return TextChecks.IsCleanText(value, multiline) ? null : $"{name} contains binary or control characters";
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex IdPattern();
}

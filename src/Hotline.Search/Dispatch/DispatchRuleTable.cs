using System.Globalization;
using Hotline.Search.Analysis;

namespace Hotline.Search.Dispatch;

/// <summary>
/// The editable rule table. Text form, one rule per line:
/// <c>department: keyword keyword … [category=投诉] [district=河西区] [weight=1.5]</c>;
/// <c>#</c> starts a comment. Rule ids are "line N".
/// </summary>
public sealed class DispatchRuleTable
{
    public const int MaxRules = 5000;

    private DispatchRuleTable(IReadOnlyList<DispatchRule> rules) => Rules = rules;

    public IReadOnlyList<DispatchRule> Rules { get; }

    /// <summary>The table shipped with the library (written from the departments' responsibilities).</summary>
    public static DispatchRuleTable Default { get; } = Parse(EmbeddedText.Read("Dispatch.rules.txt"));

    public static DispatchRuleTable Empty { get; } = new([]);

    /// <exception cref="SearchInputException">A line is malformed; the message names it.</exception>
    public static DispatchRuleTable Parse(string text)
    {
        var rules = new List<DispatchRule>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            rules.Add(ParseLine(line, lineNumber));
            if (rules.Count > MaxRules)
            {
                throw new SearchInputException("rules", $"more than {MaxRules} rules");
            }
        }

        return new DispatchRuleTable(rules);
    }

    public string ToText() => string.Join('\n', Rules.Select(r =>
        $"{r.Department}: {string.Join(' ', r.Keywords)}"
        + (r.Category is null ? string.Empty : $" category={r.Category}")
        + (r.District is null ? string.Empty : $" district={r.District}")
        + (r.Weight == 1 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" weight={r.Weight}")))) + "\n";

    private static DispatchRule ParseLine(string line, int lineNumber)
    {
        SearchInputException Bad(string reason) => new("rules", $"line {lineNumber}: {reason}");

        if (!TextChecks.IsCleanText(line, false) || line.Length > 2000)
        {
            throw Bad("not printable text of at most 2000 characters");
        }

        var colon = line.IndexOf(':');
        if (colon <= 0)
        {
            throw Bad("expected 'department: keywords …'");
        }

        var department = line[..colon].Trim();
        string? category = null, district = null;
        var weight = 1.0;
        var keywords = new List<string>();
        foreach (var part in line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("category=", StringComparison.Ordinal))
            {
                category = part["category=".Length..];
            }
            else if (part.StartsWith("district=", StringComparison.Ordinal))
            {
                district = part["district=".Length..];
            }
            else if (part.StartsWith("weight=", StringComparison.Ordinal))
            {
                if (!double.TryParse(part["weight=".Length..], NumberStyles.Float, CultureInfo.InvariantCulture, out weight) || weight is <= 0 or > 100)
                {
                    throw Bad("weight must be a number in (0, 100]");
                }
            }
            else
            {
                keywords.Add(TextFolding.Fold(part));
            }
        }

        if (keywords.Count == 0 && category is null && district is null)
        {
            throw Bad("a rule needs keywords, a category or a district");
        }

        return new DispatchRule($"line {lineNumber}", department, keywords, category, district, weight);
    }
}

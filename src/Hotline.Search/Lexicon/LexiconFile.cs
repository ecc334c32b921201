using System.Globalization;
using System.Text;
using Hotline.Search.Analysis;

namespace Hotline.Search.Lexicon;

/// <summary>
/// The text form of lexicon data files. <c>@source text</c> sets the source of the entries below
/// it; an entry line is <c>colloquial | colloquial … =&gt; official | official … [*weight]</c>
/// and stands for every colloquial × official pair but identical ones; <c>#</c> starts a comment.
/// <code>
/// @source hand-written: housing
/// 楼上漏水 | 天花板漏水 | 墙皮泡了 =&gt; 房屋渗漏 | 漏水维修
/// 房东不退押金 =&gt; 房屋租赁纠纷 *0.8
/// </code>
/// </summary>
internal static class LexiconFile
{
    /// <exception cref="SearchInputException">A line is malformed or an entry breaks <see cref="LexiconRules"/> (message names file and line).</exception>
    public static IReadOnlyList<LexiconEntry> Parse(string text, string fileName)
    {
        var entries = new List<LexiconEntry>();
        string? source = null;
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line.StartsWith("@source", StringComparison.Ordinal))
            {
                source = line["@source".Length..].Trim();
                continue;
            }

            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            if (arrow < 0 || source is null)
            {
                throw Error(fileName, lineNumber, source is null ? "an entry before any @source line" : "expected 'colloquial => official'");
            }

            var right = line[(arrow + 2)..];
            var weight = 1f;
            var star = right.LastIndexOf('*');
            if (star >= 0)
            {
                if (!float.TryParse(right[(star + 1)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out weight))
                {
                    throw Error(fileName, lineNumber, "weight after '*' is not a number");
                }

                right = right[..star];
            }

            foreach (var colloquial in Split(line[..arrow]))
            {
                foreach (var official in Split(right))
                {
                    var entry = new LexiconEntry(colloquial, official, weight, source);
                    if (TextFolding.Fold(colloquial) == TextFolding.Fold(official))
                    {
                        // A line may list a term on both sides (a colloquial form that is also official).
                        continue;
                    }

                    if (LexiconRules.Check(entry) is { } problem)
                    {
                        throw Error(fileName, lineNumber, $"{problem.Field} '{(problem.Field == "official" ? official : colloquial)}' {problem.Reason}");
                    }

                    entries.Add(LexiconRules.Normalise(entry));
                }
            }
        }

        return entries;
    }

    /// <summary>One entry per line, grouped under their sources (parse round-trips it).</summary>
    public static string Format(IEnumerable<LexiconEntry> entries)
    {
        var text = new StringBuilder();
        foreach (var group in entries.GroupBy(e => e.Source, StringComparer.Ordinal))
        {
            text.Append("@source ").Append(group.Key).Append('\n');
            foreach (var entry in group)
            {
                text.Append(entry.Colloquial).Append(" => ").Append(entry.Official);
                if (entry.Weight != 1f)
                {
                    text.Append(" *").Append(entry.Weight.ToString("0.###", CultureInfo.InvariantCulture));
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }

    private static IEnumerable<string> Split(string side) =>
        side.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static SearchInputException Error(string fileName, int line, string reason) =>
        new("lexicon", $"{fileName} line {line}: {reason}");
}

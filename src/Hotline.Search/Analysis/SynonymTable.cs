namespace Hotline.Search.Analysis;

/// <summary>
/// Operator-editable synonym groups (社保卡 = 社会保障卡). Text form: one group per line,
/// members separated by <c>=</c>; <c>#</c> starts a comment. Members are folded on parse so
/// 社會保障卡 and 社会保障卡 are one member.
/// </summary>
public sealed class SynonymTable
{
    /// <summary>Longest member accepted; longer ones are rejected as input errors.</summary>
    public const int MaxMemberLength = 32;

    private readonly IReadOnlyList<IReadOnlyList<string>> _groups;

    private SynonymTable(IReadOnlyList<IReadOnlyList<string>> groups) => _groups = groups;

    /// <summary>The table shipped with the library.</summary>
    public static SynonymTable Default { get; } = Parse(EmbeddedText.Read("Analysis.synonyms.txt"));

    /// <summary>An empty table.</summary>
    public static SynonymTable Empty { get; } = new([]);

    /// <summary>The groups, each a list of folded members.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Groups => _groups;

    /// <summary>Parses the text form.</summary>
    /// <exception cref="SearchInputException">A line has a member that is empty, too long or not text.</exception>
    public static SynonymTable Parse(string text)
    {
        var groups = new List<IReadOnlyList<string>>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var members = line.Split('=', StringSplitOptions.TrimEntries);
            if (members.Length < 2 || members.Any(m => m.Length == 0 || m.Length > MaxMemberLength || !TextChecks.IsCleanText(m, false)))
            {
                throw new SearchInputException("synonyms", $"line {lineNumber}: a group needs two or more members of 1..{MaxMemberLength} printable characters separated by '='");
            }

            groups.Add(members.Select(TextFolding.Fold).Distinct().ToArray());
        }

        return new SynonymTable(groups);
    }

    /// <summary>The text form (parse round-trips it).</summary>
    public string ToText() => string.Join('\n', _groups.Select(g => string.Join(" = ", g))) + "\n";

    /// <summary>For every member found in the folded query, the other members of its group.</summary>
    public IEnumerable<string> AlternativesIn(string foldedQuery) => AlternativeGroupsIn(foldedQuery).SelectMany(g => g);

    /// <summary>Per group with a member in the folded query, its members the query does not contain (one concept each).</summary>
    public IEnumerable<IReadOnlyList<string>> AlternativeGroupsIn(string foldedQuery)
    {
        foreach (var group in _groups)
        {
            if (group.Any(member => foldedQuery.Contains(member, StringComparison.Ordinal)))
            {
                var missing = group.Where(member => !foldedQuery.Contains(member, StringComparison.Ordinal)).ToList();
                if (missing.Count > 0)
                {
                    yield return missing;
                }
            }
        }
    }
}

using Hotline.Search.Analysis;

namespace Hotline.Search.Lexicon;

/// <summary>
/// The colloquial → official lexicon: the shipped data files plus editors' changes, as one
/// immutable snapshot. Queries are scanned for colloquial phrases; the official terms they map to
/// are added to the query with lower weight (expansion, never replacement: the caller's own words
/// still count in full). The Elasticsearch engine's synonym set is generated from the same entries.
/// </summary>
public sealed class ColloquialLexicon
{
    /// <summary>Shipped data files (embedded resources under Lexicon/Data).</summary>
    internal static readonly string[] ShippedFiles =
    [
        "hand-written.txt", "department-duties.txt", "article-keywords.txt", "labelled-tickets.txt", "tuning-misses.txt",
        "everyday-speech.txt", "article-situations.txt", "blind3-tuning-misses.txt",
    ];

    private readonly Dictionary<string, (string Official, float Weight)[]> _byColloquial;
    private readonly int _longest;

    private ColloquialLexicon(IReadOnlyList<LexiconEntry> entries)
    {
        // Later entries for the same pair win (an editor's change overrides the shipped line).
        var unique = new Dictionary<(string, string), LexiconEntry>();
        foreach (var entry in entries)
        {
            unique[(entry.Colloquial, entry.Official)] = entry;
        }

        Entries = unique.Values.ToList();
        _byColloquial = Entries.GroupBy(e => e.Colloquial, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => (e.Official, e.Weight)).ToArray(), StringComparer.Ordinal);
        _longest = _byColloquial.Count == 0 ? 0 : _byColloquial.Keys.Max(k => k.Length);
    }

    /// <summary>The shipped lexicon.</summary>
    public static ColloquialLexicon Shipped { get; } = new(ShippedEntries());

    /// <summary>No entries: queries are not expanded.</summary>
    public static ColloquialLexicon Empty { get; } = new([]);

    /// <summary>Every entry (folded), one per colloquial/official pair.</summary>
    public IReadOnlyList<LexiconEntry> Entries { get; }

    /// <summary>Distinct colloquial phrases.</summary>
    public int ColloquialCount => _byColloquial.Count;

    /// <summary>A lexicon of these entries (checked and folded); later duplicates of a pair win.</summary>
    /// <exception cref="SearchInputException">An entry breaks the rules.</exception>
    public static ColloquialLexicon From(IEnumerable<LexiconEntry> entries) =>
        new(entries.Select(e =>
        {
            LexiconRules.Require(e);
            return LexiconRules.Normalise(e);
        }).ToList());

    /// <summary>Parses the data-file text form (see <see cref="LexiconFile"/>).</summary>
    /// <exception cref="SearchInputException">A line is malformed.</exception>
    public static ColloquialLexicon Parse(string text, string fileName = "lexicon") => new(LexiconFile.Parse(text, fileName));

    /// <summary>The data-file text form of all entries.</summary>
    public string ToText() => LexiconFile.Format(Entries);

    /// <summary>This lexicon with entries added or replaced and pairs removed.</summary>
    public ColloquialLexicon With(IEnumerable<LexiconEntry> upserts, IEnumerable<(string Colloquial, string Official)> deletions)
    {
        var removed = deletions.Select(d => (TextFolding.Fold(d.Colloquial.Trim()), TextFolding.Fold(d.Official.Trim()))).ToHashSet();
        return new(Entries.Where(e => !removed.Contains((e.Colloquial, e.Official)))
            .Concat(upserts.Select(LexiconRules.Normalise)).ToList());
    }

    /// <summary>
    /// Synonym rules for Elasticsearch's <c>synonym_graph</c> filter (Solr format), one per
    /// colloquial phrase: <c>colloquial =&gt; colloquial, official, …</c>. The left side is kept
    /// on the right so the rule expands and never replaces the caller's words. ES rules carry no
    /// weights, so entries below <paramref name="minimumWeight"/> are left out.
    /// </summary>
    public IReadOnlyList<string> ElasticsearchSynonymRules(float minimumWeight = 0.5f) =>
        _byColloquial
            .Select(p => (p.Key, Officials: p.Value.Where(o => o.Weight >= minimumWeight).Select(o => o.Official).Distinct().ToList()))
            .Where(p => p.Officials.Count > 0)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{Escape(p.Key)} => {Escape(p.Key)}, {string.Join(", ", p.Officials.Select(Escape))}")
            .ToList();

    /// <summary>
    /// Every (colloquial, official, weight) whose colloquial phrase occurs in the folded text, also
    /// with one filler character spoken inside it (开个小卖部 finds 开小卖部, 被贴了条 finds 被贴条) or an
    /// adverb (狗天天叫 finds 狗叫), at <see cref="GappedShare"/> of the weight.
    /// </summary>
    internal List<(string Colloquial, string Official, float Weight)> MatchesIn(string folded)
    {
        var matches = new List<(string, string, float)>();
        if (_longest == 0)
        {
            return matches;
        }

        var lookup = _byColloquial.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> squeezed = stackalloc char[_longest];
        for (var start = 0; start + 2 <= folded.Length; start++)
        {
            for (var length = 2; length <= _longest + 1 && start + length <= folded.Length; length++)
            {
                var span = folded.AsSpan(start, length);
                if (length <= _longest && lookup.TryGetValue(span, out var colloquial, out var officials))
                {
                    foreach (var (official, weight) in officials)
                    {
                        matches.Add((colloquial, official, weight));
                    }
                }

                // Phrases of three or more characters, with one inner filler character dropped.
                for (var gap = 1; length >= 4 && gap < length - 1; gap++)
                {
                    if (!InnerFillers.Contains(span[gap], StringComparison.Ordinal))
                    {
                        continue;
                    }

                    span[..gap].CopyTo(squeezed);
                    span[(gap + 1)..].CopyTo(squeezed[gap..]);
                    if (lookup.TryGetValue(squeezed[..(length - 1)], out var gapped, out var gappedOfficials))
                    {
                        foreach (var (official, weight) in gappedOfficials)
                        {
                            matches.Add((gapped, official, weight * GappedShare));
                        }
                    }
                }
            }
        }

        AddAdverbGapMatches(folded, lookup, matches);
        return matches;
    }

    /// <summary>
    /// Phrases split by an adverb of frequency or degree (狗天天叫 is 狗叫, 水压太低 is 水压低): callers put one
    /// between subject and verb without changing what happened, and a written list cannot spell out every
    /// such variant (狗一直叫, 狗半夜叫, 工资一直拖 were written out by hand before this).
    /// </summary>
    private void AddAdverbGapMatches(string folded, Dictionary<string, (string Official, float Weight)[]>.AlternateLookup<ReadOnlySpan<char>> lookup,
        List<(string, string, float)> matches)
    {
        foreach (var adverb in InnerAdverbs)
        {
            for (var at = folded.IndexOf(adverb, 1, StringComparison.Ordinal); at > 0; at = folded.IndexOf(adverb, at + 1, StringComparison.Ordinal))
            {
                var end = at + adverb.Length;
                if (end >= folded.Length)
                {
                    break;
                }

                // Only phrases that straddle the adverb: at least one character before it and one after.
                var squeezed = string.Concat(folded.AsSpan(0, at), folded.AsSpan(end));
                for (var start = Math.Max(0, at - _longest + 1); start < at; start++)
                {
                    for (var stop = at + 1; stop <= squeezed.Length && stop - start <= _longest; stop++)
                    {
                        if (lookup.TryGetValue(squeezed.AsSpan(start, stop - start), out var gapped, out var officials))
                        {
                            foreach (var (official, weight) in officials)
                            {
                                matches.Add((gapped, official, weight * GappedShare));
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// Adverbs that do not change the event they interrupt. Not 还 (also "pay back": 公积金还贷 is not
    /// 公积金贷) and not 不 or 没 (they negate it).
    /// </summary>
    private static readonly string[] InnerAdverbs = ["天天", "老是", "总是", "一直", "经常", "整天", "整夜", "不停", "特别", "非常", "又", "都", "也", "太", "很"];

    /// <summary>
    /// Characters callers slip into a set phrase without changing it (开个, 贴了). Not 的: it makes
    /// what comes before a modifier (新开的小饭馆 is a restaurant, not opening one).
    /// </summary>
    private const string InnerFillers = "个了过一把点些家";

    /// <summary>How much a match with a filler inside counts, against an exact one.</summary>
    private const float GappedShare = 0.8f;

    private static string Escape(string text) => text.Replace(",", "\\,", StringComparison.Ordinal).Replace("=>", "\\=>", StringComparison.Ordinal);

    private static List<LexiconEntry> ShippedEntries() =>
        ShippedFiles.SelectMany(file => LexiconFile.Parse(EmbeddedText.Read("Lexicon.Data." + file), file)).ToList();
}

using Hotline.Search.Analysis;

namespace Hotline.Search.Engine;

/// <summary>
/// Picks the window of an article's text with the most distinct query terms and highlights them.
/// Works on folded text, whose offsets equal the original's, so traditional or full-width
/// content is highlighted where the simplified query matched it.
/// </summary>
internal static class SnippetBuilder
{
    public const int DefaultLength = 90;

    /// <summary>Only the start of a long article is searched for the snippet window, bounding the cost per hit.</summary>
    private const int MaxScanLength = 20_000;

    public static HighlightedText Highlight(string text, IReadOnlySet<ulong> keys) =>
        Build(text, keys, text.Length);

    public static HighlightedText Build(string text, IReadOnlySet<ulong> keys, int maxLength = DefaultLength)
    {
        var scanned = text.Length <= MaxScanLength ? text : text[..MaxScanLength];
        var hits = TextAnalyzer.Analyze(TextFolding.Fold(scanned)).Where(t => keys.Contains(t.Key)).ToList();
        return Build(text, hits, maxLength);
    }

    /// <summary>
    /// The same window and rendering for matches someone else found (Elasticsearch's highlighter):
    /// each range counts as a term of its own folded text.
    /// </summary>
    public static HighlightedText Build(string text, IReadOnlyList<TextRange> matches, int maxLength = DefaultLength)
    {
        var folded = TextFolding.Fold(text);
        var hits = matches
            .Where(m => m.Start >= 0 && m.Length > 0 && m.Start + m.Length <= text.Length)
            .OrderBy(m => m.Start)
            .Select(m => new Token(TermKey.Word(folded.AsSpan(m.Start, m.Length)), m.Start, m.Length))
            .ToList();
        return Build(text, hits, maxLength);
    }

    private static HighlightedText Build(string text, List<Token> hits, int maxLength)
    {
        var start = BestWindowStart(text, hits, maxLength);
        var end = Math.Min(text.Length, start + maxLength);
        return Render(text, start, end, hits);
    }

    private static int BestWindowStart(string text, List<Token> hits, int maxLength)
    {
        if (hits.Count == 0 || text.Length <= maxLength)
        {
            return 0;
        }

        var bestStart = 0;
        var bestScore = -1;
        for (var i = 0; i < hits.Count; i++)
        {
            var windowStart = hits[i].Start;
            var distinct = new HashSet<ulong>();
            for (var j = i; j < hits.Count && hits[j].Start + hits[j].Length <= windowStart + maxLength; j++)
            {
                distinct.Add(hits[j].Key);
            }

            if (distinct.Count > bestScore)
            {
                (bestScore, bestStart) = (distinct.Count, windowStart);
            }
        }

        // Start a little before the first match, at a line start when one is near, for context.
        var lead = Math.Max(0, bestStart - 12);
        var lineStart = text.LastIndexOf('\n', bestStart == 0 ? 0 : bestStart - 1);
        return lineStart >= lead ? lineStart + 1 : lead;
    }

    /// <summary>Copies [start, end) collapsing Markdown markers and whitespace, mapping highlights through.</summary>
    private static HighlightedText Render(string text, int start, int end, List<Token> hits)
    {
        var output = new System.Text.StringBuilder(end - start + 2);
        var map = new int[end - start + 1];
        var lastWasSpace = true;
        for (var i = start; i < end; i++)
        {
            map[i - start] = output.Length;
            var c = text[i];
            var space = char.IsWhiteSpace(c) || c == '#' || c == '*' || c == '`' || c == '>';
            if (space && !lastWasSpace)
            {
                output.Append(' ');
            }
            else if (!space)
            {
                output.Append(c);
            }

            lastWasSpace = space;
        }

        map[end - start] = output.Length;
        var ranges = new List<TextRange>();
        foreach (var hit in hits.Where(h => h.Start >= start && h.Start + h.Length <= end))
        {
            var from = map[hit.Start - start];
            var to = map[hit.Start + hit.Length - start];
            if (ranges.Count > 0 && from <= ranges[^1].Start + ranges[^1].Length)
            {
                var last = ranges[^1];
                ranges[^1] = last with { Length = Math.Max(last.Length, to - last.Start) };
            }
            else if (to > from)
            {
                ranges.Add(new TextRange(from, to - from));
            }
        }

        var rendered = output.ToString();
        var trimmed = rendered.TrimEnd();
        var prefix = start > 0 ? "…" : string.Empty;
        var suffix = end < text.Length ? "…" : string.Empty;
        var shift = prefix.Length;
        return new HighlightedText(prefix + trimmed + suffix,
            ranges.Where(r => r.Start + r.Length <= trimmed.Length).Select(r => r with { Start = r.Start + shift }).ToList());
    }
}

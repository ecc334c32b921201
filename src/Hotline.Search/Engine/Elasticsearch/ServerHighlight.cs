using Elastic.Clients.Elasticsearch.Core.Search;

namespace Hotline.Search.Engine.Elasticsearch;

/// <summary>
/// Reads Elasticsearch's highlighter output back into ranges. The whole field is asked for
/// (<c>number_of_fragments: 0</c>) with control characters as tags: stored text never contains
/// them (articles are checked for control characters), so a tag can never be confused with text,
/// and once they are removed the field is the folded text whose offsets are the original's.
/// </summary>
internal static class ServerHighlight
{
    public const string Open = "\u0001";
    public const string Close = "\u0002";

    public static Highlight Request() => new()
    {
        PreTags = [Open],
        PostTags = [Close],
        NumberOfFragments = 0,
        RequireFieldMatch = false,
        Fields = new Dictionary<Elastic.Clients.Elasticsearch.Field, HighlightField>
        {
            ["title"] = new HighlightField(),
            ["content"] = new HighlightField(),
        },
    };

    /// <summary>
    /// The highlighted ranges of <paramref name="folded"/>: an empty list when the field has no
    /// highlight (nothing matched in it), null when the highlight is not of this text.
    /// </summary>
    public static IReadOnlyList<TextRange>? Ranges(IReadOnlyDictionary<string, IReadOnlyCollection<string>>? highlight, string field, string folded)
    {
        if (highlight is null || !highlight.TryGetValue(field, out var fragments) || fragments.Count == 0)
        {
            return [];
        }

        var tagged = fragments.First();
        var ranges = new List<TextRange>();
        var plain = new System.Text.StringBuilder(folded.Length);
        var open = -1;
        foreach (var c in tagged)
        {
            if (c == Open[0])
            {
                open = plain.Length;
            }
            else if (c == Close[0] && open >= 0)
            {
                Add(ranges, open, plain.Length - open);
                open = -1;
            }
            else
            {
                plain.Append(c);
            }
        }

        return plain.Equals(folded.AsSpan()) ? ranges : null;
    }

    /// <summary>Adjacent bigram highlights (社保|保卡) become one range.</summary>
    private static void Add(List<TextRange> ranges, int start, int length)
    {
        if (length <= 0)
        {
            return;
        }

        if (ranges.Count > 0 && ranges[^1].Start + ranges[^1].Length >= start)
        {
            var last = ranges[^1];
            ranges[^1] = last with { Length = Math.Max(last.Length, start + length - last.Start) };
            return;
        }

        ranges.Add(new TextRange(start, length));
    }
}

using System.Text;

namespace Hotline.Search.Engine;

/// <summary>Plain text plus the ranges that matched the query (UTF-16 offsets into <see cref="Text"/>).</summary>
public sealed record HighlightedText(string Text, IReadOnlyList<TextRange> Highlights)
{
    public static HighlightedText Plain(string text) => new(text, []);

    /// <summary>The text with each highlight wrapped in the given markers, e.g. "&lt;em&gt;", "&lt;/em&gt;".</summary>
    public string ToMarked(string open, string close)
    {
        var builder = new StringBuilder(Text.Length + (Highlights.Count * (open.Length + close.Length)));
        var at = 0;
        foreach (var range in Highlights)
        {
            builder.Append(Text, at, range.Start - at).Append(open).Append(Text, range.Start, range.Length).Append(close);
            at = range.Start + range.Length;
        }

        return builder.Append(Text, at, Text.Length - at).ToString();
    }
}

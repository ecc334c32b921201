namespace Hotline.Search.Analysis;

/// <summary>
/// Character folding applied to both indexed text and queries: full-width → half-width,
/// traditional → simplified, ASCII upper → lower. Every fold maps one UTF-16 unit to one, so
/// offsets found in folded text are offsets in the original (snippets rely on it).
/// </summary>
public static class TextFolding
{
    private static readonly Dictionary<char, char> TraditionalToSimplified = BuildTraditionalMap();

    /// <summary>Folds one character.</summary>
    public static char Fold(char c)
    {
        // U+FF01..U+FF5E are the full-width forms of U+0021..U+007E; U+3000 is the ideographic space.
        if (c >= '\uFF01' && c <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
        }
        else if (c == '\u3000')
        {
            return ' ';
        }

        if (c >= 'A' && c <= 'Z')
        {
            return (char)(c + 32);
        }

        return c >= '\u4E00' && TraditionalToSimplified.TryGetValue(c, out var simplified) ? simplified : c;
    }

    /// <summary>Folds a whole string; the result has the same length as the input.</summary>
    public static string Fold(string text)
    {
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Fold(source[i]);
            }
        });
    }

    /// <summary>True for CJK unified ideographs (basic block, extension A, compatibility).</summary>
    public static bool IsHan(char c) =>
        (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\uF900' && c <= '\uFAFF');

    /// <summary>True for characters that form Latin/number words (after folding).</summary>
    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) && !IsHan(c) && !char.IsSurrogate(c);

    private static Dictionary<char, char> BuildTraditionalMap()
    {
        var pairs = TraditionalChineseTable.Pairs;
        var map = new Dictionary<char, char>(pairs.Length / 2);
        for (var i = 0; i + 1 < pairs.Length; i += 2)
        {
            if (pairs[i] != pairs[i + 1])
            {
                map[pairs[i]] = pairs[i + 1];
            }
        }

        return map;
    }
}

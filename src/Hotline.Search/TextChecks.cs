namespace Hotline.Search;

/// <summary>Rejects text that is not text: binary bytes, NULs, lone surrogates, replacement characters.</summary>
internal static class TextChecks
{
    public static bool IsCleanText(string text, bool allowNewlines)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
                continue;
            }

            if (char.IsLowSurrogate(c) || c == '\uFFFD' || c == '\uFFFE' || c == '\uFFFF')
            {
                return false;
            }

            if (char.IsControl(c) && !(allowNewlines && (c == '\n' || c == '\r' || c == '\t')) && c != '\t')
            {
                return false;
            }
        }

        return true;
    }
}

namespace Hotline.Search.Analysis;

/// <summary>
/// Splits folded text into terms: runs of Han characters become overlapping bigrams (a lone Han
/// character becomes a unigram), runs of letters and digits become words. Chinese has no spaces,
/// and bigrams need no dictionary yet match every two-character word inside longer words.
/// </summary>
internal static class TextAnalyzer
{
    /// <summary>Longest Latin/number word kept whole; longer runs are cut (hostile input).</summary>
    private const int MaxWordLength = 32;

    public static void Analyze(string folded, List<Token> into)
    {
        var i = 0;
        while (i < folded.Length)
        {
            var c = folded[i];
            if (TextFolding.IsHan(c))
            {
                var start = i;
                while (i < folded.Length && TextFolding.IsHan(folded[i]))
                {
                    i++;
                }

                AddHanRun(folded, start, i, into);
            }
            else if (TextFolding.IsWordChar(c))
            {
                var start = i;
                while (i < folded.Length && TextFolding.IsWordChar(folded[i]) && i - start < MaxWordLength)
                {
                    i++;
                }

                into.Add(new Token(TermKey.Word(folded.AsSpan(start, i - start)), start, i - start));
            }
            else
            {
                i++;
            }
        }
    }

    public static List<Token> Analyze(string folded)
    {
        var tokens = new List<Token>();
        Analyze(folded, tokens);
        return tokens;
    }

    private static void AddHanRun(string text, int start, int end, List<Token> into)
    {
        if (end - start == 1)
        {
            into.Add(new Token(TermKey.Unigram(text[start]), start, 1));
            return;
        }

        for (var j = start; j + 1 < end; j++)
        {
            into.Add(new Token(TermKey.Bigram(text[j], text[j + 1]), j, 2));
        }
    }
}

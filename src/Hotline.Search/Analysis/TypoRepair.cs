namespace Hotline.Search.Analysis;

/// <summary>
/// Spells a query the way the index would: a character whose bigrams with its neighbours the index
/// does not know, while a homophone or look-alike's bigrams it knows well, is taken for a slip and
/// swapped (公积经 → 公积金, 营页执照 → 营业执照). Bigram search repairs typos term by term; this
/// whole-text form lets phrase lookups (the colloquial lexicon) see through them too.
/// </summary>
internal static class TypoRepair
{
    /// <summary>The repaired text, or null when no character was swapped.</summary>
    /// <param name="ratio">How many times more articles the variant's bigrams must be in than the typed ones.</param>
    public static string? Repair(string folded, CharacterVariants variants, Func<ulong, int> documentFrequency, int ratio)
    {
        char[]? repaired = null;
        for (var i = 0; i < folded.Length; i++)
        {
            var typed = folded[i];
            if (!TextFolding.IsHan(typed))
            {
                continue;
            }

            var own = Support(folded, i, typed, documentFrequency);
            var best = typed;
            var bestSupport = Math.Max(1, own) * ratio - 1;
            foreach (var variant in variants.Of(typed))
            {
                var support = Support(folded, i, variant, documentFrequency);
                if (support > bestSupport)
                {
                    (best, bestSupport) = (variant, support);
                }
            }

            if (best != typed)
            {
                repaired ??= folded.ToCharArray();
                repaired[i] = best;
            }
        }

        return repaired is null ? null : new string(repaired);
    }

    /// <summary>Articles holding the bigrams <paramref name="c"/> would form at <paramref name="at"/>; a side with an unknown bigram counts nothing.</summary>
    private static int Support(string text, int at, char c, Func<ulong, int> documentFrequency)
    {
        var support = 0;
        if (at > 0 && TextFolding.IsHan(text[at - 1]))
        {
            support += documentFrequency(TermKey.Bigram(text[at - 1], c));
        }

        if (at + 1 < text.Length && TextFolding.IsHan(text[at + 1]))
        {
            support += documentFrequency(TermKey.Bigram(c, text[at + 1]));
        }

        return support;
    }
}

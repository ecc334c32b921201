namespace Hotline.Search.Engine.Embedded;

/// <summary>
/// Takes documents out of play once they can no longer reach the top k, so the common terms that run
/// last (办理, 申请, and the official words the lexicon adds) update a few hundred candidates instead of
/// every document the rare terms reached. Exact: a document is dropped only when its score so far plus
/// all the remaining terms could add (coverage scaling only lowers it) is below the k-th best lower
/// bound, the k-th best of (score so far × the coverage share already matched ^ exponent), and both
/// score and coverage only grow. Documents lifted by history are never dropped (their lift comes later).
/// </summary>
internal static class CandidatePruning
{
    /// <summary>Guards the comparison against float rounding in the summed bounds.</summary>
    private const float Margin = 1.0001f;

    public static void Prune(ScoreScratch scratch, bool[] alive, int k, float remaining, float mass, float exponent, float minimumCoverage)
    {
        var touched = scratch.Touched;
        if (touched.Count <= k + scratch.Pinned.Count)
        {
            return;
        }

        var threshold = KthLowerBound(scratch, alive, k, mass, exponent, minimumCoverage);
        if (threshold <= 0)
        {
            return;
        }

        var scores = scratch.Scores;
        var kept = 0;
        for (var i = 0; i < touched.Count; i++)
        {
            var doc = touched[i];
            if ((scores[doc] + remaining) * Margin < threshold && !scratch.Pinned.Contains(doc))
            {
                scratch.Dropped += alive[doc] ? 1 : 0;
                scratch.Forget(doc);
                continue;
            }

            touched[kept++] = doc;
        }

        touched.RemoveRange(kept, touched.Count - kept);
    }

    /// <summary>The k-th best final-score lower bound among live candidates (0 when fewer than k).</summary>
    private static float KthLowerBound(ScoreScratch scratch, bool[] alive, int k, float mass, float exponent, float minimumCoverage)
    {
        // Ascending: best[0] is the weakest of the k best so far. k is a page (10-ish), so insertion is cheap,
        // and most documents are skipped on their raw score alone (the bound never exceeds it).
        Span<float> best = k <= 64 ? stackalloc float[k] : new float[k];
        var filled = 0;
        var scores = scratch.Scores;
        var coverage = scratch.Coverage;
        var scaled = exponent > 0 && mass > 0;
        foreach (var doc in scratch.Touched)
        {
            var raw = scores[doc];
            if (!alive[doc] || (filled == k && raw <= best[0]))
            {
                continue;
            }

            var bound = scaled ? raw * TermAccumulator.CoverageScale(Math.Clamp(coverage[doc] / mass, minimumCoverage, 1f), exponent) : raw;
            if (filled < k)
            {
                Insert(best[..++filled], bound);
            }
            else if (bound > best[0])
            {
                best[0] = bound;
                Sift(best);
            }
        }

        return filled == k ? best[0] : 0;
    }

    /// <summary>Places the new last value among the sorted ones before it.</summary>
    private static void Insert(Span<float> sorted, float value)
    {
        var i = sorted.Length - 1;
        while (i > 0 && sorted[i - 1] > value)
        {
            sorted[i] = sorted[i - 1];
            i--;
        }

        sorted[i] = value;
    }

    /// <summary>Moves a raised first value up to its place.</summary>
    private static void Sift(Span<float> sorted)
    {
        var value = sorted[0];
        var i = 0;
        while (i + 1 < sorted.Length && sorted[i + 1] < value)
        {
            sorted[i] = sorted[i + 1];
            i++;
        }

        sorted[i] = value;
    }
}

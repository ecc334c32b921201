namespace Hotline.Search.Engine.Embedded;

/// <summary>
/// Term-at-a-time BM25F accumulation with MaxScore pruning. Terms run rarest first. A term can
/// add at most idf × weight × (k1 + 1) to any document, so once the k-th best score so far
/// exceeds everything the remaining terms could add, no untouched document can reach the top k:
/// the remaining (common, low-idf) terms then only update documents already in play, which on
/// 100,000 articles skips most of the postings of words like 办理. The ranking is unchanged;
/// the match count then covers documents reached by the selective terms only.
/// </summary>
internal sealed partial class EmbeddedIndex
{
    private void Accumulate(Analysis.QueryPlan plan, float[] scores, List<int> touched, int wanted)
    {
        var n = Math.Max(1, Count);
        var k1 = _weights.K1;
        var terms = new List<(PostingList List, float Idf)>(plan.Terms.Count);
        foreach (var term in plan.Terms)
        {
            if (_postings.TryGetValue(term.Key, out var list))
            {
                terms.Add((list, MathF.Log(1 + ((n - list.Count + 0.5f) / (list.Count + 0.5f))) * term.Weight));
            }
        }

        terms.Sort((a, b) => b.Idf.CompareTo(a.Idf));
        var mass = 0f;
        foreach (var (_, idf) in terms)
        {
            mass += idf;
        }

        var remaining = new float[terms.Count + 1];
        for (var i = terms.Count - 1; i >= 0; i--)
        {
            remaining[i] = remaining[i + 1] + (terms[i].Idf * (k1 + 1));
        }

        var best = 0f;
        var updateOnly = false;
        for (var i = 0; i < terms.Count; i++)
        {
            if (!updateOnly && wanted > 0 && touched.Count >= wanted && remaining[i] < best
                && AtLeastAbove(scores, touched, wanted, remaining[i]))
            {
                updateOnly = true;
                touched.Sort();
            }

            if (updateOnly)
            {
                UpdateTouched(terms[i].List, terms[i].Idf, scores, touched);
            }
            else
            {
                best = Math.Max(best, AddAll(terms[i].List, terms[i].Idf, scores, touched));
            }
        }

        ApplyCoverage(scores, touched, mass);
    }

    /// <summary>
    /// Scales each candidate by the share of the query's term weight (idf × weight) it matched,
    /// raised to CoverageExponent: an article that matches one word of a long question through
    /// its title and keywords (饭店 in 在饭店吃出虫子 → the restaurant-opening article) falls
    /// behind one that matches several of the question's words. Pruning above bounds raw scores;
    /// this only lowers them, so it reorders candidates and never admits a pruned document.
    /// </summary>
    private void ApplyCoverage(float[] scores, List<int> touched, float mass)
    {
        var coverage = t_coverage;
        var exponent = _weights.CoverageExponent;
        if (coverage is null || exponent <= 0 || mass <= 0)
        {
            return;
        }

        foreach (var doc in touched)
        {
            var share = Math.Clamp(coverage[doc] / mass, MinimumCoverage, 1f);
            scores[doc] = Math.Max(scores[doc] * MathF.Pow(share, exponent), LiftMarker);
        }
    }

    private float AddAll(PostingList list, float idf, float[] scores, List<int> touched)
    {
        var coverage = Coverage(scores.Length);
        var best = 0f;
        var docs = list.Docs;
        var counts = list.Counts;
        for (var i = 0; i < docs.Length; i++)
        {
            var doc = docs[i];
            if (doc >= _normsComputedFor)
            {
                continue;
            }

            if (scores[doc] == 0)
            {
                touched.Add(doc);
            }

            var score = scores[doc] += Contribution(doc, counts[i], idf);
            coverage[doc] += idf;
            best = Math.Max(best, score);
        }

        return best;
    }

    /// <summary>Adds the term to documents already in play: walking the touched list and galloping through the postings when it is much shorter.</summary>
    private void UpdateTouched(PostingList list, float idf, float[] scores, List<int> touched)
    {
        var docs = list.Docs;
        var counts = list.Counts;
        var coverage = Coverage(scores.Length);
        if (touched.Count * 16 >= docs.Length)
        {
            for (var i = 0; i < docs.Length; i++)
            {
                var doc = docs[i];
                if (doc < _normsComputedFor && scores[doc] != 0)
                {
                    scores[doc] += Contribution(doc, counts[i], idf);
                    coverage[doc] += idf;
                }
            }

            return;
        }

        var at = 0;
        foreach (var doc in touched)
        {
            var step = 1;
            while (at + step < docs.Length && docs[at + step] < doc)
            {
                step *= 2;
            }

            var found = docs[at..Math.Min(docs.Length, at + step + 1)].BinarySearch(doc);
            if (found >= 0)
            {
                at += found;
                scores[doc] += Contribution(doc, counts[at], idf);
                coverage[doc] += idf;
            }
            else
            {
                at += ~found;
            }

            if (at >= docs.Length)
            {
                break;
            }
        }
    }

    /// <summary>The per-thread matched-weight array, as long as the score array.</summary>
    private static float[] Coverage(int length) =>
        t_coverage is { } c && c.Length >= length ? c : t_coverage = new float[length];

    private float Contribution(int doc, ushort packed, float idf)
    {
        var k1 = _weights.K1;
        var tf = (PostingList.Title(packed) * _titleNorm[doc])
            + (PostingList.Keywords(packed) * _keywordNorm[doc])
            + (PostingList.Content(packed) * _contentNorm[doc]);
        return idf * tf * (k1 + 1) / (tf + k1);
    }

    /// <summary>
    /// Whether at least <paramref name="k"/> candidates already score above the bound, i.e. the
    /// k-th best exceeds it. Counting with an early exit is cheaper than finding the k-th best:
    /// the rarest terms ran first, so the strong candidates sit early in the touched list.
    /// </summary>
    private static bool AtLeastAbove(float[] scores, List<int> touched, int k, float bound)
    {
        var above = 0;
        foreach (var doc in touched)
        {
            if (scores[doc] > bound && ++above >= k)
            {
                return true;
            }
        }

        return false;
    }
}

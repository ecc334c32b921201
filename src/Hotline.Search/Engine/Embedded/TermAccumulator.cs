namespace Hotline.Search.Engine.Embedded;

/// <summary>
/// Term-at-a-time BM25F accumulation with MaxScore pruning. Terms run rarest first. A term can
/// add at most idf × weight × (k1 + 1) to any document, so once the k-th best score so far
/// exceeds everything the remaining terms could add, no untouched document can reach the top k:
/// the remaining (common, low-idf) terms then only update documents already in play, which on
/// 100,000 articles skips most of the postings of words like 办理. The ranking is unchanged;
/// the match count then covers documents reached by the selective terms only.
/// </summary>
internal sealed class TermAccumulator(RankingWeights weights, FieldNorms norms)
{
    /// <summary>Least coverage share counted, so a document reached by phrases or history alone keeps some score.</summary>
    private const float MinimumCoverage = 0.05f;

    /// <param name="terms">The query's posting lists with idf × term weight, in any order (sorted here).</param>
    /// <param name="wanted">The top k pruning must keep exact; 0 scores every posting.</param>
    /// <param name="alive">Liveness by document: only live documents set the pruning bound.</param>
    public void Accumulate(List<(PostingList List, float Idf)> terms, ScoreScratch scratch, int wanted, bool[] alive)
    {
        var k1 = weights.K1;
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
        var touched = scratch.Touched;
        var prunedAt = float.MaxValue;
        for (var i = 0; i < terms.Count; i++)
        {
            if (!updateOnly && wanted > 0 && touched.Count >= wanted && remaining[i] < best
                && AtLeastAbove(scratch.Scores, touched, wanted, remaining[i]))
            {
                updateOnly = true;
                scratch.SortTouched(norms.ComputedFor);
            }

            // Candidates are dropped when what the remaining terms could still add has halved since
            // the last pass (a pass costs a walk of the candidates). The lone-title discount can lower
            // a score after the fact, so with it on the bound would not hold.
            if (updateOnly && remaining[i] <= prunedAt / 2 && weights.LoneTitleFactor >= 1)
            {
                prunedAt = remaining[i];
                CandidatePruning.Prune(scratch, alive, wanted, remaining[i], mass, weights.CoverageExponent, MinimumCoverage);
            }

            if (updateOnly)
            {
                UpdateTouched(terms[i].List, terms[i].Idf, scratch);
            }
            else
            {
                best = Math.Max(best, AddAll(terms[i].List, terms[i].Idf, scratch));
            }
        }

        DiscountLoneTitleMatches(scratch);
        ApplyCoverage(scratch, mass);
    }

    /// <summary>
    /// A title is a strong signal when the question shares several words with it; sharing one
    /// bigram (饭店 in a story about something else, against 开办餐饮店…) is weak evidence that the
    /// title boost would otherwise make decisive. A document whose title matched one query term
    /// keeps LoneTitleFactor of that term's title part. Only lowers scores, like coverage.
    /// </summary>
    private void DiscountLoneTitleMatches(ScoreScratch scratch)
    {
        var factor = weights.LoneTitleFactor;
        if (factor >= 1)
        {
            return;
        }

        var scores = scratch.Scores;
        foreach (var doc in scratch.Touched)
        {
            if (scratch.TitleTerms[doc] == 1)
            {
                scores[doc] = Math.Max(scores[doc] - ((1 - factor) * scratch.TitleShare[doc]), EmbeddedIndex.LiftMarker);
            }
        }
    }

    private void NoteTitle(ScoreScratch scratch, int doc, ushort packed, float idf)
    {
        // Only the lone-title discount reads these; with it off they cost a second contribution per title posting.
        if (weights.LoneTitleFactor < 1 && PostingList.Title(packed) > 0)
        {
            scratch.TitleShare[doc] += norms.TitlePart(doc, packed, idf);
            if (scratch.TitleTerms[doc] < byte.MaxValue)
            {
                scratch.TitleTerms[doc]++;
            }
        }
    }

    /// <summary>
    /// Scales each candidate by the share of the query's term weight (idf × weight) it matched,
    /// raised to CoverageExponent: an article that matches one word of a long question through
    /// its title and keywords (饭店 in 在饭店吃出虫子 → the restaurant-opening article) falls
    /// behind one that matches several of the question's words. Pruning above bounds raw scores;
    /// this only lowers them, so it reorders candidates and never admits a pruned document.
    /// </summary>
    private void ApplyCoverage(ScoreScratch scratch, float mass)
    {
        var exponent = weights.CoverageExponent;
        if (exponent <= 0 || mass <= 0)
        {
            return;
        }

        var scores = scratch.Scores;
        foreach (var doc in scratch.Touched)
        {
            var share = Math.Clamp(scratch.Coverage[doc] / mass, MinimumCoverage, 1f);
            scores[doc] = Math.Max(scores[doc] * CoverageScale(share, exponent), EmbeddedIndex.LiftMarker);
        }
    }

    /// <summary>share^exponent; the exponents the tuning grid uses avoid the general power (a call per candidate).</summary>
    internal static float CoverageScale(float share, float exponent) =>
        exponent == 0.5f ? MathF.Sqrt(share) : exponent == 1f ? share : MathF.Pow(share, exponent);

    private float AddAll(PostingList list, float idf, ScoreScratch scratch)
    {
        var scores = scratch.Scores;
        var coverage = scratch.Coverage;
        var searchable = norms.ComputedFor;
        var best = 0f;
        var docs = list.Docs;
        var counts = list.Counts;
        for (var i = 0; i < docs.Length; i++)
        {
            var doc = docs[i];
            if (doc >= searchable)
            {
                continue;
            }

            if (scores[doc] == 0)
            {
                scratch.Touched.Add(doc);
            }

            var score = scores[doc] += norms.Contribution(doc, counts[i], idf);
            coverage[doc] += idf;
            NoteTitle(scratch, doc, counts[i], idf);
            best = Math.Max(best, score);
        }

        return best;
    }

    /// <summary>Adds the term to documents already in play: walking the touched list and galloping through the postings when it is much shorter.</summary>
    private void UpdateTouched(PostingList list, float idf, ScoreScratch scratch)
    {
        var scores = scratch.Scores;
        var coverage = scratch.Coverage;
        var touched = scratch.Touched;
        var searchable = norms.ComputedFor;
        var docs = list.Docs;
        var counts = list.Counts;
        if (touched.Count * 16 >= docs.Length)
        {
            for (var i = 0; i < docs.Length; i++)
            {
                var doc = docs[i];
                if (doc < searchable && scores[doc] != 0)
                {
                    scores[doc] += norms.Contribution(doc, counts[i], idf);
                    coverage[doc] += idf;
                    NoteTitle(scratch, doc, counts[i], idf);
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
                scores[doc] += norms.Contribution(doc, counts[at], idf);
                coverage[doc] += idf;
                NoteTitle(scratch, doc, counts[at], idf);
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

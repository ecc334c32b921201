using Hotline.Search.Analysis;

namespace Hotline.Search.Engine.Embedded;

/// <summary>BM25F scoring into a per-thread accumulator, then a bounded heap for the top hits.</summary>
internal sealed partial class EmbeddedIndex
{
    /// <summary>The score a lifted document starts from (non-zero marks it touched).</summary>
    private const float LiftMarker = 1e-6f;

    [ThreadStatic]
    private static float[]? t_scores;

    [ThreadStatic]
    private static List<int>? t_touched;

    /// <summary>Per document, the query term weight it matched (see ApplyCoverage).</summary>
    [ThreadStatic]
    private static float[]? t_coverage;

    /// <summary>Least coverage share counted, so a document reached by phrases or history alone keeps some score.</summary>
    private const float MinimumCoverage = 0.05f;

    /// <summary>
    /// The best <paramref name="count"/> documents after skipping <paramref name="skip"/>, and how
    /// many matched (on a large index a lower bound: see <see cref="Accumulate"/>). Lifted
    /// articles (from similar past tickets) gain HistoryWeight × lift × the best text score, so
    /// the lift means the same on short and long queries.
    /// </summary>
    public (IReadOnlyList<(IndexedArticle Doc, float Score)> Hits, int Total) Score(
        QueryPlan plan, IReadOnlyList<(string ArticleId, float Lift)> lifts, string? category, string? department, string? appliesTo, int skip, int count)
    {
        var scores = t_scores is { } s && s.Length >= _docs.Count ? s : t_scores = new float[Math.Max(_docs.Count, 1024) * 2];
        var touched = t_touched ??= [];
        try
        {
            // Pruning needs the k-th best score among candidates; with filters that is unknown
            // until collection, so filtered queries score every posting.
            var unfiltered = Pruning && category is null && department is null && appliesTo is null;
            var lifted = TouchLifted(lifts, scores, touched);
            AccumulatePhrases(plan, scores, touched);
            Accumulate(plan, scores, touched, unfiltered ? skip + count : 0);
            AddLifts(lifted, scores, touched);
            return Collect(scores, touched, category, department, appliesTo, skip, count);
        }
        finally
        {
            var coverage = t_coverage;
            foreach (var doc in touched)
            {
                scores[doc] = 0;
                if (coverage is not null && doc < coverage.Length)
                {
                    coverage[doc] = 0;
                }
            }

            touched.Clear();
        }
    }

    /// <summary>
    /// Puts lifted documents in play before the terms run, with a marker score, so pruning keeps
    /// updating them: a document outside the candidates could otherwise miss text score it needs.
    /// </summary>
    private List<(int Doc, float Lift)> TouchLifted(IReadOnlyList<(string ArticleId, float Lift)> lifts, float[] scores, List<int> touched)
    {
        var lifted = new List<(int, float)>(lifts.Count);
        foreach (var (id, lift) in lifts)
        {
            if (_byId.TryGetValue(id, out var doc) && doc < _normsComputedFor)
            {
                if (scores[doc] == 0)
                {
                    touched.Add(doc);
                    scores[doc] = LiftMarker;
                }

                lifted.Add((doc, lift));
            }
        }

        return lifted;
    }

    private void AddLifts(List<(int Doc, float Lift)> lifted, float[] scores, List<int> touched)
    {
        if (lifted.Count == 0)
        {
            return;
        }

        // With no text match at all the lift still orders the evidence (best text score taken as 1).
        var best = 1f;
        foreach (var doc in touched)
        {
            best = Math.Max(best, scores[doc]);
        }

        foreach (var (doc, lift) in lifted)
        {
            scores[doc] += _weights.HistoryWeight * lift * best;
        }
    }

    /// <summary>
    /// Lengths are normalised against averages that drift as articles change: new documents get
    /// norms from the current averages, and all are recomputed once the index size moved by 5%.
    /// Called by the writer after every change, so readers never write.
    /// </summary>
    public void RefreshNorms()
    {
        var n = _docs.Count;
        var from = _normsComputedFor;
        if (from < 0 || Math.Abs(n - _averagesFor) > _averagesFor / 20)
        {
            var live = Math.Max(1, Count);
            _averages = (Math.Max(1f, (float)_titleLengthSum / live), Math.Max(1f, (float)_keywordLengthSum / live),
                Math.Max(1f, (float)_contentLengthSum / live));
            _averagesFor = n;
            from = 0;
        }

        if (_titleNorm.Length < n)
        {
            var size = Math.Max(n, _titleNorm.Length * 2);
            Array.Resize(ref _titleNorm, size);
            Array.Resize(ref _keywordNorm, size);
            Array.Resize(ref _contentNorm, size);
        }

        var w = _weights;
        for (var doc = from; doc < n; doc++)
        {
            var d = _docs[doc];
            _titleNorm[doc] = w.TitleBoost / (1 - w.TitleB + (w.TitleB * d.TitleLength / _averages.Title));
            _keywordNorm[doc] = w.KeywordBoost / (1 - w.KeywordB + (w.KeywordB * d.KeywordLength / _averages.Keywords));
            _contentNorm[doc] = w.ContentBoost / (1 - w.ContentB + (w.ContentB * d.ContentLength / _averages.Content));
        }

        _normsComputedFor = n;
    }

    private (IReadOnlyList<(IndexedArticle Doc, float Score)> Hits, int Total) Collect(
        float[] scores, List<int> touched, string? category, string? department, string? appliesTo, int skip, int count)
    {
        var wanted = skip + count;
        var heap = new PriorityQueue<int, (float Score, int Doc)>(wanted + 1);
        var total = 0;
        var filtered = category is not null || department is not null || appliesTo is not null;
        var floor = float.MinValue;
        foreach (var doc in touched)
        {
            if (!_alive[doc] || (filtered && !_docs[doc].Matches(category, department, appliesTo)))
            {
                continue;
            }

            total++;
            var score = scores[doc];
            if (score < floor)
            {
                continue;
            }

            // Ties break towards the lower document number so results are stable between runs.
            var key = (score, -doc);
            if (heap.Count < wanted)
            {
                heap.Enqueue(doc, key);
            }
            else if (heap.TryPeek(out _, out var weakest) && key.CompareTo(weakest) > 0)
            {
                heap.DequeueEnqueue(doc, key);
                floor = heap.TryPeek(out _, out var next) ? next.Score : floor;
            }
        }

        var ranked = new List<(IndexedArticle, float)>(heap.Count);
        while (heap.TryDequeue(out var doc, out var key))
        {
            ranked.Add((_docs[doc], key.Score));
        }

        ranked.Reverse();
        return (ranked.Skip(skip).ToList(), total);
    }
}

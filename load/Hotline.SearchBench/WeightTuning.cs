using Hotline.Search.Engine.Embedded;

namespace Hotline.SearchBench;

/// <summary>
/// Chooses the combination weights (lexicon expansion, history lift, neighbours, title and phrase
/// boosts) by 5-fold cross-validation on tuning data only (the blind and colloquial tuning halves and the older sets): for each fold the best grid point
/// on the other four folds is scored on the held-out fold, which estimates how well choosing
/// weights this way generalises; the weights shipped are then the best grid point on the whole
/// tuning halves. The locked halves are never read here.
/// </summary>
internal static class WeightTuning
{
    private const int Folds = 5;

    public static void Run(IReadOnlyList<string> tuningPaths, bool verbose)
    {
        var queries = tuningPaths.SelectMany(JudgedQuery.Load).Where(q => q.Answered).ToList();
        // Title boost and neighbour count were flat on the first round's grid; they stay fixed here.
        var grid = (
            from lexicon in new[] { 0.1f, 0.25f, 0.5f, 1f }
            from norm in new[] { 0f, 0.5f, 1f }
            from history in new[] { 0f, 1f, 2f, 3f }
            from phrase in new[] { 0.5f, 1f }
            from generality in new[] { 0f, 0.5f }
            from coverage in new[] { 0f, 0.5f, 1f }
            select RankingWeights.Default with
            {
                LexiconWeight = lexicon, LexiconLengthNorm = norm, HistoryWeight = history, PhraseBoost = phrase,
                GeneralityPenalty = generality, CoverageExponent = coverage,
            }).ToList();

        // Per grid point, per query: (hit@1, hit@3, nDCG@5); folds then only sum subsets.
        var outcomes = grid.Select(weights =>
        {
            using var engine = SearchSetup.Engine(weights);
            var rank = SearchSetup.Ranker(engine);
            return queries.Select(q =>
            {
                var ranked = rank(q.Query);
                return (Hit1: RankingMetrics.HitAt(ranked, q, 1) ? 1.0 : 0, Hit3: RankingMetrics.HitAt(ranked, q, 3) ? 1.0 : 0, Ndcg: RankingMetrics.NdcgAt5(ranked, q));
            }).ToArray();
        }).ToList();

        var fold = queries.Select(q => (int)(StableHash(q.Id ?? q.Query) % Folds)).ToArray();
        double cvHit1 = 0, cvHit3 = 0;
        Console.WriteLine($"## Weight tuning: {Folds}-fold cross-validation on {queries.Count} answered tuning questions, {grid.Count} grid points");
        Console.WriteLine();
        Console.WriteLine("| fold | held-out questions | chosen on the other folds | held-out hit@1 | held-out hit@3 |");
        Console.WriteLine("|---|---|---|---|---|");
        for (var f = 0; f < Folds; f++)
        {
            var best = Best(outcomes, i => fold[i] != f);
            var held = Enumerable.Range(0, queries.Count).Where(i => fold[i] == f).ToList();
            var hit1 = held.Average(i => outcomes[best][i].Hit1);
            var hit3 = held.Average(i => outcomes[best][i].Hit3);
            cvHit1 += hit1 * held.Count;
            cvHit3 += hit3 * held.Count;
            Console.WriteLine($"| {f} | {held.Count} | {Describe(grid[best])} | {hit1:F3} | {hit3:F3} |");
        }

        var overall = Best(outcomes, _ => true);
        Console.WriteLine();
        Console.WriteLine($"Cross-validated estimate: hit@1 {cvHit1 / queries.Count:F3}, hit@3 {cvHit3 / queries.Count:F3}");
        Console.WriteLine($"Best on all the tuning data (ship these): {Describe(grid[overall])}, hit@1 {outcomes[overall].Average(o => o.Hit1):F3}, hit@3 {outcomes[overall].Average(o => o.Hit3):F3}");
        if (verbose)
        {
            foreach (var i in Enumerable.Range(0, grid.Count).OrderByDescending(i => Objective(outcomes[i], _ => true)).Take(15))
            {
                Console.WriteLine($"  {Describe(grid[i])}: hit@1 {outcomes[i].Average(o => o.Hit1):F3} hit@3 {outcomes[i].Average(o => o.Hit3):F3} nDCG@5 {outcomes[i].Average(o => o.Ndcg):F3}");
            }
        }

        Console.WriteLine();
    }

    /// <summary>hit@1 first, hit@3 and nDCG@5 to break ties; the first grid point wins exact ties (smaller weights come first).</summary>
    private static double Objective((double Hit1, double Hit3, double Ndcg)[] outcome, Func<int, bool> include)
    {
        double sum = 0;
        for (var i = 0; i < outcome.Length; i++)
        {
            if (include(i))
            {
                sum += outcome[i].Hit1 + (0.3 * outcome[i].Hit3) + (0.1 * outcome[i].Ndcg);
            }
        }

        return sum;
    }

    private static int Best(List<(double Hit1, double Hit3, double Ndcg)[]> outcomes, Func<int, bool> include)
    {
        var best = 0;
        var bestScore = double.MinValue;
        for (var g = 0; g < outcomes.Count; g++)
        {
            var score = Objective(outcomes[g], include);
            if (score > bestScore + 1e-9)
            {
                (best, bestScore) = (g, score);
            }
        }

        return best;
    }

    private static string Describe(RankingWeights w) =>
        $"lexicon {w.LexiconWeight} ÷ n^{w.LexiconLengthNorm}, history {w.HistoryWeight} × {w.HistoryNeighbours} neighbours, title {w.TitleBoost}, phrase {w.PhraseBoost}, generality {w.GeneralityPenalty}, coverage {w.CoverageExponent}";

    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}

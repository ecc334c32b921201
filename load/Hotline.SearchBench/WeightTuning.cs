using Hotline.Search.Engine.Embedded;

namespace Hotline.SearchBench;

/// <summary>
/// Chooses the combination weights (lexicon expansion, history lift, title and phrase boosts, the
/// lone-title discount…) on tuning data only (the blind and colloquial tuning halves and the older
/// sets) and estimates how well choosing them this way generalises, two ways:
/// <list type="bullet">
/// <item>repeated k-fold cross-validation: for each fold the best grid point on the other folds is
/// scored on the held-out fold; the split is redrawn <see cref="Repeats"/> times, and the spread over
/// folds and over repeats is printed beside the mean;</item>
/// <item>leave one set out: weights chosen on the other sets are scored on a whole set, which is
/// what a new question set written by someone else looks like.</item>
/// </list>
/// Each question is ranked with the lexicon minus the data files written after reading it
/// (<see cref="TuningSet.WrittenFrom"/>): a file fitted to a set's misses would otherwise make that set
/// reward a high lexicon weight that unseen questions do not repay. The weights shipped are the best
/// grid point on all the tuning data under that rule. Locked halves are never read here.
/// </summary>
internal static class WeightTuning
{
    private const int Folds = 5;
    private const int Repeats = 4;

    public static void Run(IReadOnlyList<TuningSet> tuningSets, bool verbose)
    {
        var sets = tuningSets.Select(t => (t.Name, Queries: JudgedQuery.Load(t.Path).Where(q => q.Answered).ToList())).ToList();
        var lexicons = tuningSets.Select(t => t.Lexicon()).ToList();
        var queries = sets.SelectMany(s => s.Queries).ToList();
        var setOf = sets.SelectMany((s, i) => s.Queries.Select(_ => i)).ToArray();
        var grid = (
            from lexicon in new[] { 0.25f, 0.5f }
            from norm in new[] { 0.5f, 1f }
            from history in new[] { 1f, 2f, 3f }
            from half in new[] { 0f, 8f }
            from coverage in new[] { 0f, 0.5f }
            from synonyms in new[] { 0f, 0.5f, 1f }
            from variants in new[] { 0.8f, 0.4f }
            select RankingWeights.Default with
            {
                LexiconWeight = lexicon, LexiconLengthNorm = norm, HistoryWeight = history, HistoryHalfLength = half, CoverageExponent = coverage,
                SynonymGroupNorm = synonyms, KnownVariantWeight = variants,
            }).ToList();

        // Per grid point, per query: (hit@1, hit@3, nDCG@5); folds then only sum subsets.
        var outcomes = grid.Select(weights => sets.SelectMany((set, s) =>
        {
            using var engine = SearchSetup.Engine(weights, lexicons[s]);
            var rank = SearchSetup.Ranker(engine);
            return set.Queries.Select(q =>
            {
                var ranked = rank(q.Query);
                return (Hit1: RankingMetrics.HitAt(ranked, q, 1) ? 1.0 : 0, Hit3: RankingMetrics.HitAt(ranked, q, 3) ? 1.0 : 0, Ndcg: RankingMetrics.NdcgAt5(ranked, q));
            }).ToList();
        }).ToArray()).ToList();

        Console.WriteLine($"## Weight tuning on {queries.Count} answered tuning questions ({string.Join(", ", sets.Select(s => $"{s.Name} {s.Queries.Count}"))}), {grid.Count} grid points");
        Console.WriteLine();
        Console.WriteLine("Lexicon files left out per set (written after reading it): " +
            string.Join("; ", tuningSets.Select(t => $"{t.Name}: {(t.WrittenFrom.Count == 0 ? "none" : string.Join(", ", t.WrittenFrom))}")));
        Console.WriteLine();
        Console.WriteLine($"### {Folds}-fold cross-validation, repeated {Repeats} times with different splits");
        Console.WriteLine();
        Console.WriteLine("| repeat | held-out hit@1 | held-out hit@3 | fold hit@1 min–max | most chosen on the other folds |");
        Console.WriteLine("|---|---|---|---|---|");
        var repeatHit1 = new List<double>();
        var repeatHit3 = new List<double>();
        var foldHit1 = new List<double>();
        for (var r = 0; r < Repeats; r++)
        {
            var fold = queries.Select(q => (int)(StableHash((q.Id ?? q.Query) + "#" + r) % Folds)).ToArray();
            double hit1 = 0, hit3 = 0;
            var folds = new List<double>();
            var chosen = new List<int>();
            for (var f = 0; f < Folds; f++)
            {
                var best = Best(outcomes, i => fold[i] != f);
                chosen.Add(best);
                var held = Enumerable.Range(0, queries.Count).Where(i => fold[i] == f).ToList();
                hit1 += held.Sum(i => outcomes[best][i].Hit1);
                hit3 += held.Sum(i => outcomes[best][i].Hit3);
                folds.Add(held.Average(i => outcomes[best][i].Hit1));
            }

            repeatHit1.Add(hit1 / queries.Count);
            repeatHit3.Add(hit3 / queries.Count);
            foldHit1.AddRange(folds);
            var common = chosen.GroupBy(c => c).OrderByDescending(g => g.Count()).First().Key;
            Console.WriteLine($"| {r} | {hit1 / queries.Count:F3} | {hit3 / queries.Count:F3} | {folds.Min():F3}–{folds.Max():F3} | {Describe(grid[common])} |");
        }

        Console.WriteLine();
        Console.WriteLine($"Cross-validated estimate: hit@1 {repeatHit1.Average():F3} (sd over {foldHit1.Count} folds {StdDev(foldHit1):F3}, " +
            $"over repeats {StdDev(repeatHit1):F3}), hit@3 {repeatHit3.Average():F3} (sd over repeats {StdDev(repeatHit3):F3})");
        Console.WriteLine();
        Console.WriteLine("### Leave one set out (weights chosen on the other sets, scored on the whole held-out set)");
        Console.WriteLine();
        Console.WriteLine("| held-out set | questions | held-out hit@1 | held-out hit@3 | best possible hit@1 on it | chosen |");
        Console.WriteLine("|---|---|---|---|---|---|");
        for (var s = 0; s < sets.Count; s++)
        {
            var best = Best(outcomes, i => setOf[i] != s);
            var oracle = Best(outcomes, i => setOf[i] == s);
            var held = Enumerable.Range(0, queries.Count).Where(i => setOf[i] == s).ToList();
            Console.WriteLine($"| {sets[s].Name} | {held.Count} | {held.Average(i => outcomes[best][i].Hit1):F3} | {held.Average(i => outcomes[best][i].Hit3):F3} | " +
                $"{held.Average(i => outcomes[oracle][i].Hit1):F3} | {Describe(grid[best])} |");
        }

        var overall = Best(outcomes, _ => true);
        Console.WriteLine();
        Console.WriteLine($"Best on all the tuning data (ship these): {Describe(grid[overall])}, hit@1 {outcomes[overall].Average(o => o.Hit1):F3}, hit@3 {outcomes[overall].Average(o => o.Hit3):F3}");
        var shipped = grid.IndexOf(RankingWeights.Default);
        if (shipped >= 0)
        {
            Console.WriteLine($"Shipped now ({Describe(grid[shipped])}): hit@1 {outcomes[shipped].Average(o => o.Hit1):F3}, hit@3 {outcomes[shipped].Average(o => o.Hit3):F3}");
        }

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

    private static double StdDev(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, values.Count - 1));
    }

    private static string Describe(RankingWeights w) =>
        $"lexicon {w.LexiconWeight} ÷ n^{w.LexiconLengthNorm}, history {w.HistoryWeight} × {w.HistoryNeighbours}, title {w.TitleBoost}, phrase {w.PhraseBoost}, " +
        $"generality {w.GeneralityPenalty}, coverage {w.CoverageExponent}, lone title {w.LoneTitleFactor}, history half-length {w.HistoryHalfLength}, synonym group ÷ m^{w.SynonymGroupNorm}, known-bigram variant {w.KnownVariantWeight}";

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

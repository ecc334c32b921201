using Hotline.Search.Engine.Embedded;

namespace Hotline.SearchBench;

/// <summary>
/// (a) Relevance on every judged set: the blind and colloquial tuning and locked halves (each written
/// blind by another session) and the older sets, for this engine, this engine without learned history,
/// the engine as it was before the lexicon and history, and plain bigram BM25.
/// </summary>
internal static class RelevanceBenchmark
{
    /// <param name="withLocked">False while choosing weights: the locked half is then not even run.</param>
    public static void Run(string dataDirectory, bool verbose, bool withLocked = true)
    {
        var sets = new (string Name, string File)[]
        {
            ("blind tuning half", Path.Combine(dataDirectory, "blind", "blind-tuning-judged.jsonl")),
            ("blind locked half", Path.Combine(dataDirectory, "blind", "blind-locked-judged.jsonl")),
            ("colloquial tuning half", Path.Combine(dataDirectory, "colloquial", "colloquial-tuning-judged.jsonl")),
            ("colloquial locked half", Path.Combine(dataDirectory, "colloquial", "colloquial-locked-judged.jsonl")),
            ("blind3 tuning half", Path.Combine(dataDirectory, "blind3", "tuning-judged.jsonl")),
            ("blind3 locked half", Path.Combine(dataDirectory, "blind3", "locked-judged.jsonl")),
            ("blind4 tuning half", Path.Combine(dataDirectory, "blind4", "tuning-judged.jsonl")),
            ("blind4 locked half", Path.Combine(dataDirectory, "blind4", "locked-judged.jsonl")),
            ("older: judged-queries", Path.Combine(dataDirectory, "judged-queries.jsonl")),
            ("older: fresh-queries", Path.Combine(dataDirectory, "fresh-queries.jsonl")),
        };
        if (!withLocked)
        {
            sets = sets.Where(s => !s.Name.Contains("locked", StringComparison.Ordinal)).ToArray();
        }

        using var full = SearchSetup.Engine(RankingWeights.Default);
        using var noHistory = SearchSetup.Engine(RankingWeights.Default, history: false);
        using var before = SearchSetup.Engine(RankingWeights.Default, lexicon: false, history: false);
        var engines = new (string Name, Func<string, IReadOnlyList<string>> Rank)[]
        {
            ("this engine (lexicon + history)", SearchSetup.Ranker(full)),
            ("this engine without history", SearchSetup.Ranker(noHistory)),
            ("this engine without lexicon and history", SearchSetup.Ranker(before)),
            ("plain bigram BM25 (baseline)", SearchSetup.Baseline()),
        };

        Console.WriteLine($"## Relevance over the 90 demo articles (weights: {RankingWeights.Default})");
        Console.WriteLine();
        Console.WriteLine("| set | answered (unanswered) | engine | hit@1 | hit@3 | nDCG@5 |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var (setName, file) in sets)
        {
            var queries = JudgedQuery.Load(file);
            var answered = queries.Where(q => q.Answered).ToList();
            foreach (var (engineName, rank) in engines)
            {
                // Misses are printed for the locked halves too when asked: run that only once the weights are final.
                var score = Evaluate(answered, rank, verbose && engineName.StartsWith("this engine (", StringComparison.Ordinal) ? setName : null);
                Console.WriteLine($"| {setName} | {answered.Count} ({queries.Count - answered.Count}) | {engineName} | {score.Hit1:F3} | {score.Hit3:F3} | {score.Ndcg5:F3} |");
            }
        }

        Console.WriteLine();
    }

    public static (double Hit1, double Hit3, double Ndcg5) Evaluate(IReadOnlyList<JudgedQuery> queries, Func<string, IReadOnlyList<string>> rank, string? printMissesOf = null)
    {
        double hit1 = 0, hit3 = 0, ndcg = 0;
        foreach (var query in queries)
        {
            var ranked = rank(query.Query);
            hit1 += RankingMetrics.HitAt(ranked, query, 1) ? 1 : 0;
            hit3 += RankingMetrics.HitAt(ranked, query, 3) ? 1 : 0;
            ndcg += RankingMetrics.NdcgAt5(ranked, query);
            if (printMissesOf is not null && !RankingMetrics.HitAt(ranked, query, 1))
            {
                Console.WriteLine($"  miss@1 [{printMissesOf}] {query.Id}: {query.Query} → {string.Join(",", ranked.Take(5))} (want {string.Join(",", query.Relevant.Where(r => r.Value == 2).Select(r => r.Key))})");
            }
        }

        var n = Math.Max(1, queries.Count);
        return (hit1 / n, hit3 / n, ndcg / n);
    }
}

using Hotline.Search.Demo;
using Hotline.Search.Engine;
using Hotline.Search.Engine.Embedded;

namespace Hotline.SearchBench;

/// <summary>(a) Relevance of the embedded engine and the plain bigram BM25 baseline on the judged queries.</summary>
internal static class RelevanceBenchmark
{
    public static void Run(string queriesPath, bool verbose)
    {
        var queries = JudgedQuery.Load(queriesPath);
        var articles = DemoCorpus.Articles();
        using var engine = new EmbeddedSearchEngine();
        engine.RebuildAsync(articles).GetAwaiter().GetResult();
        var baseline = new BigramBm25Baseline(articles.Select(a => (a.Id, a.Title + "\n" + string.Join(" ", a.Keywords) + "\n" + a.Content)));

        var ours = Evaluate(queries, q => engine.Search(new SearchRequest(q, Limit: 5)).Hits.Select(h => h.ArticleId).ToList(), verbose);
        var theirs = Evaluate(queries, q => baseline.Rank(q, 5), false);
        Console.WriteLine($"## Relevance: {queries.Count} judged colloquial queries ({Path.GetFileName(queriesPath)}) over {articles.Count} demo articles");
        Console.WriteLine();
        Console.WriteLine("| engine | hit@1 | hit@3 | nDCG@5 |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| embedded (ours) | {ours.Hit1:F3} | {ours.Hit3:F3} | {ours.Ndcg5:F3} |");
        Console.WriteLine($"| BM25 over bigrams (baseline) | {theirs.Hit1:F3} | {theirs.Hit3:F3} | {theirs.Ndcg5:F3} |");
        Console.WriteLine();
        Console.WriteLine("| kind | queries | ours hit@1 | baseline hit@1 |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var kind in queries.Select(q => q.Kind).Distinct())
        {
            var subset = queries.Where(q => q.Kind == kind).ToList();
            var a = Evaluate(subset, q => engine.Search(new SearchRequest(q, Limit: 5)).Hits.Select(h => h.ArticleId).ToList(), false);
            var b = Evaluate(subset, q => baseline.Rank(q, 5), false);
            Console.WriteLine($"| {kind} | {subset.Count} | {a.Hit1:F3} | {b.Hit1:F3} |");
        }

        Console.WriteLine();
    }

    private static (double Hit1, double Hit3, double Ndcg5) Evaluate(IReadOnlyList<JudgedQuery> queries, Func<string, IReadOnlyList<string>> rank, bool verbose)
    {
        double hit1 = 0, hit3 = 0, ndcg = 0;
        foreach (var query in queries)
        {
            var ranked = rank(query.Query);
            hit1 += RankingMetrics.HitAt(ranked, query, 1) ? 1 : 0;
            hit3 += RankingMetrics.HitAt(ranked, query, 3) ? 1 : 0;
            ndcg += RankingMetrics.NdcgAt5(ranked, query);
            if (verbose && !RankingMetrics.HitAt(ranked, query, 1))
            {
                Console.WriteLine($"  miss@1: {query.Query} → {string.Join(",", ranked.Take(3))} (want {string.Join(",", query.Relevant.Where(r => r.Value == 2).Select(r => r.Key))})");
            }
        }

        return (hit1 / queries.Count, hit3 / queries.Count, ndcg / queries.Count);
    }
}

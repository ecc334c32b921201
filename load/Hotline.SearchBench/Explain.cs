using Hotline.Search.Analysis;
using Hotline.Search.Engine;
using Hotline.Search.Engine.Embedded;

namespace Hotline.SearchBench;

/// <summary>Prints how the engine analysed a query and what it ranked (for looking into tuning-half misses).</summary>
internal static class Explain
{
    public static void Run(IEnumerable<string> queries)
    {
        using var engine = SearchSetup.Engine(RankingWeights.Default);
        foreach (var query in queries)
        {
            var plan = engine.PlanFor(query);
            Console.WriteLine($"query: {query}");
            Console.WriteLine("  terms: " + string.Join(" ", plan.Terms.Select(t => $"{Show(t.Key)}:{t.Weight:0.##}")));
            Console.WriteLine("  phrases: " + string.Join(" | ", plan.Phrases.Skip(1).Select(p => $"{p.Text}:{p.Weight:0.##}")));
            var lift = engine.History?.Lift(plan.HistoryTerms(), RankingWeights.Default.HistoryNeighbours) ?? [];
            Console.WriteLine("  lift: " + string.Join(" ", lift.Take(5).Select(l => $"{l.ArticleId}:{l.Lift:0.###}")));
            foreach (var hit in engine.Search(new SearchRequest(query, Limit: 5)).Hits)
            {
                Console.WriteLine($"  {hit.ArticleId} {hit.Score:0.00} {hit.Title}");
            }
        }
    }

    /// <summary>Questions of a set that the lexicon alone (no history) puts first and the engine without it does not.</summary>
    public static void LexiconGains(string path)
    {
        using var with = SearchSetup.Engine(RankingWeights.Default, history: false);
        using var without = SearchSetup.Engine(RankingWeights.Default, lexicon: false, history: false);
        foreach (var query in JudgedQuery.Load(path).Where(q => q.Answered))
        {
            bool Top(EmbeddedSearchEngine engine) => RankingMetrics.HitAt(SearchSetup.Ranker(engine)(query.Query), query, 1);
            if (Top(with) && !Top(without))
            {
                Console.WriteLine($"lexicon gain: {query.Id} {query.Query}");
            }
        }
    }

    private static string Show(ulong key) =>
        TermKey.IsBigram(key) ? new string([TermKey.BigramChars(key).Item1, TermKey.BigramChars(key).Item2]) : key.ToString("x");
}

using Hotline.Search.Demo;
using Hotline.Search.Engine.Embedded;

namespace Hotline.SearchBench;

/// <summary>
/// A self-check that needs no judged questions: every article keyword, searched alone, should find an
/// article that lists it. Short queries are where learned history can outvote an exact match (a few
/// past tickets sharing one word), so the check runs with and without history.
/// </summary>
internal static class KeywordSelfCheck
{
    public static void Run(bool verbose)
    {
        var articles = DemoCorpus.Articles();
        var owners = articles
            .SelectMany(a => a.Keywords.Select(k => (Keyword: k.Trim(), a.Id)))
            .GroupBy(p => p.Keyword, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Id).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        Console.WriteLine($"## Keyword self-check: {owners.Count} distinct article keywords searched alone (hit = an article listing it)");
        Console.WriteLine();
        Console.WriteLine("| engine | hit@1 | hit@3 |");
        Console.WriteLine("|---|---|---|");
        foreach (var (name, history) in new[] { ("lexicon + history", true), ("without history", false) })
        {
            using var engine = SearchSetup.Engine(RankingWeights.Default, history: history);
            var rank = SearchSetup.Ranker(engine);
            int hit1 = 0, hit3 = 0;
            foreach (var (keyword, ids) in owners)
            {
                var ranked = rank(keyword);
                hit1 += ranked.Take(1).Any(ids.Contains) ? 1 : 0;
                hit3 += ranked.Take(3).Any(ids.Contains) ? 1 : 0;
                if (verbose && !ranked.Take(1).Any(ids.Contains))
                {
                    Console.WriteLine($"  miss@1 [{name}] {keyword} → {string.Join(",", ranked.Take(3))} (want {string.Join(",", ids)})");
                }
            }

            Console.WriteLine($"| {name} | {(double)hit1 / owners.Count:F3} | {(double)hit3 / owners.Count:F3} |");
        }

        Console.WriteLine();
    }
}

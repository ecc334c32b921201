using Hotline.Search.Demo;
using Hotline.Search.Dispatch;
using Hotline.Search.Engine.Embedded;

namespace Hotline.SearchBench;

/// <summary>(b) Dispatch top-1/top-3 by k-fold cross-validation on the demo tickets, against the bigram nearest-neighbour baseline.</summary>
internal static class DispatchBenchmark
{
    private const int Folds = 5;

    public static void Tune()
    {
        var records = DemoCorpus.Dispatches();
        var departments = DemoCorpus.Departments();
        using var knowledge = new EmbeddedSearchEngine();
        knowledge.RebuildAsync(DemoCorpus.Articles()).GetAwaiter().GetResult();
        var shuffled = records.OrderBy(r => StableHash(r.TicketId)).ToList();
        var results = new List<(DispatchWeights, double, double)>();
        var grid =
            from p in new[] { 0.0, 0.5, 1.0 }
            from a in new[] { 0.0, 0.5, 1.0 }
            from r in new[] { 0.5, 1.0, 2.0 }
            from k in new[] { 5, 10 }
            select new DispatchWeights(1.0, p, a, r, k);
        foreach (var weights in grid)
        {
            int top1 = 0, top3 = 0;
            for (var fold = 0; fold < Folds; fold++)
            {
                var advisor = new DispatchAdvisor(departments, DispatchRuleTable.Default, knowledge) { Weights = weights };
                advisor.Learn(shuffled.Where((_, i) => i % Folds != fold));
                foreach (var record in shuffled.Where((_, i) => i % Folds == fold))
                {
                    var ranked = advisor.SuggestAsync(new DispatchQuery(record.Text, record.Category, record.District, 3)).GetAwaiter().GetResult().Select(s => s.DepartmentId).ToList();
                    top1 += ranked.Take(1).Contains(record.Department) ? 1 : 0;
                    top3 += ranked.Contains(record.Department) ? 1 : 0;
                }
            }

            results.Add((weights, (double)top1 / records.Count, (double)top3 / records.Count));
        }

        foreach (var (w, t1, t3) in results.OrderByDescending(x => x.Item2 + x.Item3).Take(12))
        {
            Console.WriteLine($"{w} top1={t1:F3} top3={t3:F3}");
        }
    }

    public static void Run(bool verbose)
    {
        var records = DemoCorpus.Dispatches();
        var departments = DemoCorpus.Departments();
        using var knowledge = new EmbeddedSearchEngine();
        knowledge.RebuildAsync(DemoCorpus.Articles()).GetAwaiter().GetResult();

        // A fixed shuffle, so every run splits the same way and the folds mix departments.
        var shuffled = records.OrderBy(r => StableHash(r.TicketId)).ToList();
        var variants = new (string Name, Func<DispatchAdvisor>? Make)[]
        {
            ("advisor: all signals", () => new DispatchAdvisor(departments, DispatchRuleTable.Default, knowledge)),
            ("advisor: history only (kNN + profiles)", () => new DispatchAdvisor(departments, DispatchRuleTable.Empty)),
            ("advisor: without rules", () => new DispatchAdvisor(departments, DispatchRuleTable.Empty, knowledge)),
            ("bigram nearest neighbour (baseline)", null),
        };

        Console.WriteLine($"## Dispatch: {Folds}-fold cross-validation over {records.Count} resolved tickets, {departments.Count} departments");
        Console.WriteLine();
        Console.WriteLine("| dispatcher | top-1 | top-3 |");
        Console.WriteLine("|---|---|---|");
        foreach (var (name, make) in variants)
        {
            int top1 = 0, top3 = 0;
            for (var fold = 0; fold < Folds; fold++)
            {
                var test = shuffled.Where((_, i) => i % Folds == fold).ToList();
                var train = shuffled.Where((_, i) => i % Folds != fold).ToList();
                Func<DispatchRecord, IReadOnlyList<string>> rank;
                if (make is null)
                {
                    var baseline = new BigramNearestNeighbour(train);
                    rank = baseline.Rank;
                }
                else
                {
                    var advisor = make();
                    advisor.Learn(train);
                    rank = r => advisor.SuggestAsync(new DispatchQuery(r.Text, r.Category, r.District, 3)).GetAwaiter().GetResult()
                        .Select(s => s.DepartmentId).ToList();
                }

                foreach (var record in test)
                {
                    var ranked = rank(record);
                    top1 += ranked.Take(1).Contains(record.Department) ? 1 : 0;
                    top3 += ranked.Take(3).Contains(record.Department) ? 1 : 0;
                    if (verbose && make is not null && name.Contains("all", StringComparison.Ordinal) && !ranked.Take(1).Contains(record.Department))
                    {
                        Console.WriteLine($"  miss: {record.TicketId} want {record.Department} got {string.Join(",", ranked)} | {record.District} {record.Text[..Math.Min(40, record.Text.Length)]}");
                    }
                }
            }

            Console.WriteLine($"| {name} | {(double)top1 / records.Count:F3} | {(double)top3 / records.Count:F3} |");
        }

        Console.WriteLine();
    }

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

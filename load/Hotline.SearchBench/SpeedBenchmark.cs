using System.Diagnostics;
using Hotline.Search.Engine;
using Hotline.Search.Engine.Embedded;

namespace Hotline.SearchBench;

/// <summary>(c) Index build time, query latency under concurrent load and memory on generated corpora.</summary>
internal static class SpeedBenchmark
{
    private const int Workers = 4;
    private const int QueriesPerWorker = 2_500;

    /// <summary>How long each size is queried before measuring: long enough for the JIT to finish tiering up.</summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    /// <param name="plain">Without lexicon and history: the engine as it was, to see what they cost.</param>
    public static void Run(IReadOnlyList<int> sizes, bool plain, params string[] queriesPaths)
    {
        var judged = queriesPaths.SelectMany(JudgedQuery.Load).Select(q => q.Query).ToArray();
        Console.WriteLine($"## Speed: embedded engine {(plain ? "without lexicon and history" : "with lexicon and history")}, {judged.Length} judged and colloquial queries plus 400 title prefixes, {Environment.ProcessorCount} cores, {Workers} concurrent query workers × {QueriesPerWorker} queries, Release build");
        Console.WriteLine();
        Console.WriteLine("| articles | build s | postings | terms | index MB | single p50 ms | single p99 ms | loaded p50 ms | loaded p99 ms | loaded max ms | queries/s | CPU ms/query | peak RSS MB | load avg |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var size in sizes)
        {
            Measure(size, judged, plain);
        }

        Console.WriteLine();
    }

    private static void Measure(int size, string[] judged, bool plain)
    {
        var corpus = CorpusGenerator.Generate(size);
        var queries = judged.Concat(corpus.Take(400).Select(a => a.Title[..Math.Min(8, a.Title.Length)])).ToArray();
        var before = Settle();
        // As composed by the host: shipped lexicon, demo article-use history.
        using var engine = plain
            ? new EmbeddedSearchEngine { Lexicon = Hotline.Search.Lexicon.ColloquialLexicon.Empty }
            : new EmbeddedSearchEngine { History = SearchSetup.DemoHistory.Value };
        var build = Stopwatch.StartNew();
        engine.RebuildAsync(corpus).GetAwaiter().GetResult();
        build.Stop();
        var indexBytes = Settle() - before;
        var stats = engine.Statistics();

        // Warm up (caches, and the JIT's tiering: a hot method is recompiled in the background after ~30 calls and a
        // delay, so a fixed small count measured tier-0 code in the first size's tail), then one thread alone, then
        // concurrent workers. A host serving agents all day runs the tier-1 code.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < WarmUp)
        {
            RunQueries(engine, queries, 200, 0);
        }

        var single = RunQueries(engine, queries, 2_000, 1);
        var loaded = new List<double>[Workers];
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        Parallel.For(0, Workers, new ParallelOptions { MaxDegreeOfParallelism = Workers }, w => loaded[w] = RunQueries(engine, queries, QueriesPerWorker, w + 7));
        wall.Stop();
        var cpuPerQuery = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / (Workers * QueriesPerWorker);
        var all = loaded.SelectMany(l => l).Order().ToArray();
        single.Sort();
        Console.WriteLine($"| {size:N0} | {build.Elapsed.TotalSeconds:F1} | {stats.Postings:N0} | {stats.Terms:N0} | {indexBytes / 1048576.0:F0} | " +
            $"{Percentile(single, 0.5):F2} | {Percentile(single, 0.99):F2} | {Percentile(all, 0.5):F2} | {Percentile(all, 0.99):F2} | {all[^1]:F1} | {all.Length / wall.Elapsed.TotalSeconds:F0} | {cpuPerQuery:F2} | {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} | {LoadAverage()} |");
    }

    private static List<double> RunQueries(EmbeddedSearchEngine engine, string[] queries, int count, int seed)
    {
        var random = new Random(seed);
        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var query = queries[random.Next(queries.Length)];
            var start = Stopwatch.GetTimestamp();
            engine.Search(new SearchRequest(query, Limit: 10));
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return latencies;
    }

    /// <summary>The 1-minute load average: this machine is shared, and latency tails track it.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static double Percentile(IReadOnlyList<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private static long Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(true);
    }
}

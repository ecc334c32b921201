using System.Diagnostics;
using Hotline.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Load;

/// <summary>
/// "storage" mode: N clients each drive their own tickets through ITicketStore.CommitAsync as fast
/// as commits are acknowledged (closed loop), for a fixed time, on each provider. A commit carries
/// ~1.5 KB of state JSON, one event, and every fourth one a department feed notice, like a dispatch.
/// </summary>
internal static class StorageBenchmark
{
    public static async Task<int> RunAsync(LoadArguments args)
    {
        var rows = new List<(string, LatencySummary, string)>();
        foreach (var provider in args.Providers)
        {
            await using var database = await BenchmarkDatabase.CreateAsync(provider, args.PostgresConnectionString);
            var (summary, conflicts) = await RunProviderAsync(database.Settings, args);
            rows.Add(($"{provider} commit x{args.Clients}", summary, $"conflicts={conflicts}"));
            Console.Error.WriteLine($"{provider}: {summary.PerSecond:F0} commits/s");
        }

        ResultTable.Print(
            $"storage: durable ticket commits, {args.Clients} concurrent clients, {args.Duration.TotalSeconds:F0} s after {args.Warmup.TotalSeconds:F0} s warm-up ({Environment.ProcessorCount} cores)",
            rows);
        return 0;
    }

    private static async Task<(LatencySummary, long)> RunProviderAsync(Dictionary<string, string?> settings, LoadArguments args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var services = new ServiceCollection().AddLogging().AddHotlineStorage(configuration).BuildServiceProvider();
        await services.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        var store = services.GetRequiredService<ITicketStore>();

        var recorders = Enumerable.Range(0, args.Clients).Select(_ => new LatencyRecorder()).ToArray();
        var conflicts = 0L;
        var clock = Stopwatch.StartNew();
        var measureFrom = args.Warmup;
        var stopAt = args.Warmup + args.Duration;
        var clients = Enumerable.Range(0, args.Clients).Select(c => Task.Run(async () =>
        {
            var ticket = new SimulatedTicket(c);
            while (clock.Elapsed < stopAt)
            {
                var commit = ticket.NextCommit();
                var measuring = clock.Elapsed >= measureFrom;
                var started = Stopwatch.GetTimestamp();
                var applied = await store.CommitAsync(commit, CancellationToken.None);
                if (measuring && clock.Elapsed < stopAt)
                {
                    recorders[c].Record(started);
                }

                if (applied)
                {
                    ticket.Applied(commit);
                }
                else
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        })).ToArray();

        await Task.WhenAll(clients);
        return (LatencyRecorder.Summarise(recorders, args.Duration), conflicts);
    }
}

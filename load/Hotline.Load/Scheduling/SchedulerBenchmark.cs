using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Dapper;
using Hotline.Silo.Scheduling;
using Hotline.Silo.Storage;
using Hotline.Silo.Storage.Sql;
using Hotline.Silo.Tickets;
using Hotline.Silo.Tickets.Alarms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans;

namespace Hotline.Load.Scheduling;

/// <summary>
/// 100,000 open tickets of which 10,000 cross a deadline threshold within one minute, on SQLite and on PostgreSQL:
/// the host's deadline sweep (its indexed next-alarm read, the ticket grains, their commits) runs every interval
/// on the real clock; each alarm's lateness is the time from its due instant to its commit being durable.
/// </summary>
internal static class SchedulerBenchmark
{
    public const string Usage = "[--tickets 100000] [--crossing 10000] [--window 60] [--interval 0.5] [--providers sqlite,postgres] [--pg <connection string>]";

    public static async Task<int> RunAsync(string[] args)
    {
        var tickets = Int(args, "--tickets", 100_000);
        var crossing = Int(args, "--crossing", 10_000);
        var window = TimeSpan.FromSeconds(Double(args, "--window", 60));
        var interval = TimeSpan.FromSeconds(Double(args, "--interval", 0.5));
        var providers = (Value(args, "--providers") ?? "sqlite,postgres").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var pg = Value(args, "--pg") ?? Environment.GetEnvironmentVariable("HOTLINE_TEST_PG");
        if (crossing < 1 || tickets < crossing || interval < TimeSpan.FromMilliseconds(100))
        {
            throw new ArgumentException("--crossing ≥ 1, --tickets ≥ --crossing, --interval ≥ 0.1 s");
        }

        var results = new List<SchedulerResult>();
        foreach (var provider in providers)
        {
            await using var database = await BenchmarkDatabase.CreateAsync(provider, string.IsNullOrWhiteSpace(pg) ? null : pg);
            results.Add(await RunOneAsync(provider, database.Settings, tickets, crossing, window, interval));
        }

        SchedulerResult.Print(tickets, crossing, window, interval, results);
        return results.All(r => r.Issued == crossing && r.Late.Count == crossing) ? 0 : 1;
    }

    private static async Task<SchedulerResult> RunOneAsync(
        string provider, Dictionary<string, string?> settings, int tickets, int crossing, TimeSpan window, TimeSpan interval)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var clock = new CommitClock();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services
            .AddKeyedSingleton(TicketServiceCollectionExtensions.ClockKey, TimeProvider.System)
            .AddHotlineStorage(configuration)
            .AddTicketDomain(configuration)
            .AddSingleton<Hotline.Contracts.Tickets.ITicketChangeObserver>(clock);
        builder.UseOrleans(silo => silo.UseLocalhostClustering(FreePort(), FreePort(), serviceId: "load", clusterId: "load"));
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var services = host.Services;
            await services.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
            var seeder = new SchedulerTicketSeeder(services.GetRequiredService<ITicketStore>(), services.GetRequiredService<TicketAlarms>());

            var seeding = Stopwatch.StartNew();
            var now = TimeProvider.System.GetUtcNow();
            await seeder.SeedAsync(Enumerable.Range(0, tickets - crossing).Select(i => ($"B{i:D6}", (DateTimeOffset?)null, false)), now);
            // The crossing tickets fall due from 20 s after they are stored, spread evenly over the window.
            var firstDue = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(20);
            var due = Enumerable.Range(0, crossing).ToDictionary(i => $"X{i:D6}", i => firstDue + (window * i / crossing));
            await seeder.SeedAsync(due.Select((d, i) => (d.Key, (DateTimeOffset?)d.Value, i % 2 == 1)), now);
            seeding.Stop();
            var sizeBefore = await DatabaseBytesAsync(provider, settings, services);

            var index = new CountingAlarmIndex(services.GetRequiredService<IAlarmIndex>());
            var grains = services.GetRequiredService<IGrainFactory>();
            await using var dialer = new ReturnVisitDialer(new NoReturnVisits(), grains, NullLogger<ReturnVisitDialer>.Instance);
            var sweep = new AlarmSweep(index, grains, TimeProvider.System, Options.Create(new ScheduleOptions { SweepInterval = interval }), dialer, NullLogger<AlarmSweep>.Instance);
            var deadline = firstDue + window + TimeSpan.FromMinutes(3);

            // As the Quartz trigger runs the sweep job: every interval, never two at once.
            using var timer = new PeriodicTimer(interval);
            while (clock.FirstCommit.Count < crossing && TimeProvider.System.GetUtcNow() < deadline && await timer.WaitForNextTickAsync())
            {
                await sweep.RunAsync(CancellationToken.None);
            }

            var late = clock.FirstCommit.Where(c => due.ContainsKey(c.Key)).Select(c => (c.Value - due[c.Key]).TotalMilliseconds).Order().ToList();
            var issued = await ScalarAsync(services, "SELECT count(*) FROM ticket_events WHERE type LIKE 'deadline_%'");
            var sizeAfter = await DatabaseBytesAsync(provider, settings, services);
            return new SchedulerResult(provider, seeding.Elapsed, issued, late, [.. index.Reads], sizeAfter - sizeBefore);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task<long> ScalarAsync(IServiceProvider services, string sql)
    {
        await using var connection = await services.GetRequiredService<SqlDialect>().OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private static async Task<long> DatabaseBytesAsync(string provider, Dictionary<string, string?> settings, IServiceProvider services)
    {
        if (provider == "postgres")
        {
            return await ScalarAsync(services, """
                SELECT COALESCE(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'
                """);
        }

        // The WAL holds what a checkpoint has not yet copied: count both, as both are on disk.
        var file = Path.Combine(settings["DataDir"]!, "hotline.db");
        return new[] { file, file + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? Value(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 ? (i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{name} needs a value")) : null;

    private static int Int(string[] args, string name, int fallback) =>
        Value(args, name) is { } v ? (int.TryParse(v, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} must be a positive integer")) : fallback;

    private static double Double(string[] args, string name, double fallback) =>
        Value(args, name) is { } v ? (double.TryParse(v, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} must be a positive number")) : fallback;
}

using System.Diagnostics;
using System.Globalization;
using Hotline.Silo.Calendar;
using Hotline.Silo.Reports;
using Hotline.Silo.Storage;
using Hotline.Silo.Storage.Sql;
using Hotline.Silo.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotline.Load.Reports;

/// <summary>
/// A year of hotline data (full scale: 9 million calls, 3 million tickets) in SQLite or PostgreSQL (an empty database
/// given by <c>--connection</c>; load/run-reports.sh starts a throwaway one), then the monthly report timed from the raw
/// records and from the daily snapshots. <c>--scale 0.1</c> writes a tenth per day; <c>--fill month</c> fills only the
/// measured month's snapshots instead of every closed day.
/// </summary>
internal static class ReportBenchmark
{
    private const int FullCallsPerDay = 24_658;
    private const int FullTicketsPerDay = 8_219;

    public const string Usage = "[--days 365] [--scale 1.0] [--repeat 5] [--dir <temp dir>] [--storage sqlite|postgres --connection <npgsql connection string>] [--fill all|month]";

    public static async Task<int> RunAsync(string[] args)
    {
        var days = Int(args, "--days", 365);
        var scale = double.Parse(Value(args, "--scale") ?? "1", CultureInfo.InvariantCulture);
        var repeat = Int(args, "--repeat", 5);
        var storage = Value(args, "--storage") ?? "sqlite";
        var connection = Value(args, "--connection");
        var fillAll = (Value(args, "--fill") ?? "all") == "all";
        if (days is < 31 or > 731 || scale is <= 0 or > 1 || repeat < 1 || storage is not ("sqlite" or "postgres") || (storage == "postgres") != (connection is not null))
        {
            throw new ArgumentException("--days 31–731, --scale in (0, 1], --repeat ≥ 1, --storage sqlite|postgres (postgres needs --connection)");
        }

        var dir = Value(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "hotline-reports-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = storage,
            ["Storage:ConnectionString"] = connection ?? $"Data Source={Path.Combine(dir, "hotline.db")}",
            ["Reports:FillInterval"] = "00:00:00",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(configuration)
            .AddSingleton(new WorkCalendar(new CalendarOptions { TimeZoneId = "UTC" }))
            .AddHotlineStorage(configuration)
            .AddReports(configuration)
            .BuildServiceProvider();
        try
        {
            await services.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
            var reports = services.GetRequiredService<ReportService>();
            var fill = services.GetRequiredService<ReportSnapshotFill>();
            var today = reports.Today;
            var first = today.AddDays(-days);
            var clock = Stopwatch.StartNew();
            ReportDataGenerator generator;
            await using (IReportRows sink = storage == "postgres"
                ? await PostgresReportRows.OpenAsync(connection!)
                : await SqliteReportRows.OpenAsync((SqliteDialect)services.GetRequiredService<SqlDialect>()))
            {
                generator = new ReportDataGenerator(sink, (int)(FullCallsPerDay * scale), (int)(FullTicketsPerDay * scale));
                await generator.GenerateAsync(first, today);
            }

            var generated = clock.Elapsed;
            var size = await SizeAsync(services, storage, dir);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"generated {generator.Calls:N0} calls, {generator.Tickets:N0} tickets ({generator.Events:N0} events) over {days} days in {generated.TotalSeconds:F0} s into {storage}; database {size / 1e6:F0} MB"));

            // The last whole month of the generated range.
            var lastDay = today.AddDays(-1);
            var month = ReportPeriod.Containing(ReportPeriodKind.Month, new DateOnly(lastDay.Year, lastDay.Month, 1).AddMonths(-1));
            var year = ReportPeriod.Custom(first, lastDay);
            var rows = new List<(string Case, double[] Millis, string Note)>();

            rows.Add(("month, raw records", await TimeAsync(1, () => reports.GetFromRecordsAsync(month, ReportDimension.Department, CancellationToken.None)), "no snapshots: reads and parses a month of calls and ticket histories"));
            clock.Restart();
            var filled = fillAll ? await fill.FillClosedDaysAsync(CancellationToken.None) : await fill.FillMissingAsync(month.Start, month.End, CancellationToken.None);
            rows.Add((fillAll ? "fill all closed days" : "fill the month's days", [clock.Elapsed.TotalMilliseconds], $"{filled} days, once (then nightly one day)"));
            foreach (var breakdown in new[] { ReportDimension.Department, ReportDimension.Agent, ReportDimension.Category })
            {
                rows.Add(($"month by {breakdown.ToString().ToLowerInvariant()}, snapshots", await TimeAsync(repeat, () => reports.GetAsync(month, breakdown, null, CancellationToken.None)), ""));
            }

            if (fillAll)
            {
                rows.Add(("year by department, snapshots", await TimeAsync(repeat, () => reports.GetAsync(year, ReportDimension.Department, null, CancellationToken.None)), ""));
            }

            Print(month, storage, rows);
            return 0;
        }
        finally
        {
            await services.DisposeAsync();
            if (Value(args, "--dir") is null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    private static async Task<double[]> TimeAsync(int times, Func<Task<Report>> run)
    {
        var millis = new double[times];
        for (var i = 0; i < times; i++)
        {
            var clock = Stopwatch.StartNew();
            var report = await run();
            millis[i] = clock.Elapsed.TotalMilliseconds;
            GC.KeepAlive(report);
        }

        return millis;
    }

    private static async Task<long> SizeAsync(IServiceProvider services, string storage, string dir)
    {
        if (storage == "sqlite")
        {
            return new FileInfo(Path.Combine(dir, "hotline.db")).Length;
        }

        await using var connection = await services.GetRequiredService<SqlDialect>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT pg_database_size(current_database())";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static void Print(ReportPeriod month, string storage, List<(string Case, double[] Millis, string Note)> rows)
    {
        Console.WriteLine();
        Console.WriteLine($"Monthly report {month.Start:yyyy-MM-dd}..{month.End.AddDays(-1):yyyy-MM-dd}, {(storage == "sqlite" ? "SQLite" : "PostgreSQL")}");
        Console.WriteLine($"{"case",-34} {"runs",5} {"p50 ms",10} {"max ms",10}  note");
        foreach (var (name, millis, note) in rows)
        {
            Array.Sort(millis);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-34} {millis.Length,5} {millis[millis.Length / 2],10:F1} {millis[^1],10:F1}  {note}"));
        }
    }

    private static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Int(string[] args, string name, int fallback) =>
        Value(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}

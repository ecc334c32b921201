using System.Globalization;

namespace Hotline.Load.Scheduling;

/// <summary>One provider's figures, and the table that prints them.</summary>
/// <param name="Late">Each crossing ticket's lateness in ms (commit durable − due), sorted.</param>
/// <param name="Reads">Every alarm-index read of the sweeps: its time and rows.</param>
/// <param name="Growth">Bytes the database grew by while the alarms were issued.</param>
internal sealed record SchedulerResult(string Provider, TimeSpan Seeding, long Issued, IReadOnlyList<double> Late, IReadOnlyList<(double Millis, int Rows)> Reads, long Growth)
{
    public static void Print(int tickets, int crossing, TimeSpan window, TimeSpan interval, IReadOnlyList<SchedulerResult> results)
    {
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scheduler: {tickets:N0} open tickets, {crossing:N0} cross a threshold within {window.TotalSeconds:F0} s; sweep every {interval.TotalSeconds:F1} s"));
        Console.WriteLine($"{"store",-9} {"seed s",7} {"issued",7} {"≤60 s",7} {"p50 ms",8} {"p99 ms",8} {"max ms",8} {"reads",6} {"idle read ms p50/max",21} {"busy read ms p50/max",21} {"bytes/alarm",12}");
        foreach (var r in results)
        {
            var within = r.Late.Count(l => l <= 60_000);
            var idle = r.Reads.Where(x => x.Rows == 0).Select(x => x.Millis).Order().ToList();
            var busy = r.Reads.Where(x => x.Rows > 0).Select(x => x.Millis).Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Provider,-9} {r.Seeding.TotalSeconds,7:F1} {r.Issued,7} {within,7} {P(r.Late, 0.5),8:F0} {P(r.Late, 0.99),8:F0} {P(r.Late, 1),8:F0} {r.Reads.Count,6} {$"{P(idle, 0.5):F2}/{P(idle, 1):F2}",21} {$"{P(busy, 0.5):F2}/{P(busy, 1):F2}",21} {(r.Issued == 0 ? 0 : r.Growth / r.Issued),12}"));
        }
    }

    private static double P(IReadOnlyList<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
}

using System.Globalization;

namespace Hotline.Load;

/// <summary>Prints benchmark rows as an aligned plain-text table.</summary>
internal static class ResultTable
{
    public static void Print(string title, IEnumerable<(string Name, LatencySummary Summary, string Note)> rows)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine($"{"case",-28} {"ops",9} {"ops/s",9} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}  note");
        foreach (var (name, s, note) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-28} {s.Operations,9} {s.PerSecond,9:F0} {s.P50,8:F2} {s.P95,8:F2} {s.P99,8:F2} {s.Max,8:F2}  {note}"));
        }
    }
}

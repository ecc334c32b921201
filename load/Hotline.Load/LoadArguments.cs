using System.Globalization;

namespace Hotline.Load;

/// <summary>Command-line options shared by the benchmark modes.</summary>
internal sealed record LoadArguments(int Clients, TimeSpan Duration, TimeSpan Warmup, IReadOnlyList<string> Providers, string? PostgresConnectionString)
{
    public static LoadArguments Parse(ReadOnlySpan<string> args)
    {
        var clients = 64;
        var seconds = 10.0;
        var warmup = 2.0;
        IReadOnlyList<string> providers = ["sqlite", "postgres"];
        var pg = Environment.GetEnvironmentVariable("HOTLINE_TEST_PG");
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i++])
            {
                case "--clients": clients = PositiveInt(value, "--clients"); break;
                case "--seconds": seconds = PositiveDouble(value, "--seconds"); break;
                case "--warmup": warmup = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--providers": providers = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                case "--pg": pg = value; break;
                default: throw new ArgumentException($"unknown option {args[i - 1]}");
            }
        }

        return new LoadArguments(clients, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(warmup), providers, string.IsNullOrWhiteSpace(pg) ? null : pg);
    }

    private static int PositiveInt(string value, string name) =>
        int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} must be a positive integer");

    private static double PositiveDouble(string value, string name) =>
        double.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} must be a positive number");
}

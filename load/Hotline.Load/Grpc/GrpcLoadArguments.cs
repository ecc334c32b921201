using System.Globalization;

namespace Hotline.Load.Grpc;

/// <summary>Options of the "grpc" mode: where the running host is, which tokens to use, how hard and how long to drive it.</summary>
internal sealed record GrpcLoadArguments(
    string Target,
    string Label,
    int Clients,
    int Connections,
    TimeSpan Duration,
    TimeSpan Warmup,
    string AgentToken,
    string SupervisorToken,
    IReadOnlyList<(string DepartmentId, string Token)> Departments,
    int? ServerPid)
{
    public static GrpcLoadArguments Parse(ReadOnlySpan<string> args)
    {
        string? target = null, agent = null, supervisor = null, departments = null;
        var label = "host";
        var clients = 64;
        var connections = 4;
        var seconds = 20.0;
        var warmup = 3.0;
        int? serverPid = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i++])
            {
                case "--target": target = value; break;
                case "--label": label = value; break;
                case "--clients": clients = PositiveInt(value, "--clients"); break;
                case "--connections": connections = PositiveInt(value, "--connections"); break;
                case "--seconds": seconds = PositiveDouble(value, "--seconds"); break;
                case "--warmup": warmup = double.TryParse(value, CultureInfo.InvariantCulture, out var w) && w >= 0 ? w : throw new ArgumentException("--warmup must be 0 or more seconds"); break;
                case "--agent-token": agent = value; break;
                case "--supervisor-token": supervisor = value; break;
                case "--department-tokens": departments = value; break;
                case "--server-pid": serverPid = PositiveInt(value, "--server-pid"); break;
                default: throw new ArgumentException($"unknown option {args[i - 1]}");
            }
        }

        return new GrpcLoadArguments(
            Required(target, "--target host:port"),
            label,
            clients,
            connections,
            TimeSpan.FromSeconds(seconds),
            TimeSpan.FromSeconds(warmup),
            Required(agent, "--agent-token"),
            Required(supervisor, "--supervisor-token"),
            ParseDepartments(Required(departments, "--department-tokens id=token,id=token")),
            serverPid);
    }

    private static List<(string, string)> ParseDepartments(string text)
    {
        var pairs = new List<(string, string)>();
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == item.Length - 1)
            {
                throw new ArgumentException($"--department-tokens: '{item}' is not id=token");
            }

            pairs.Add((item[..equals], item[(equals + 1)..]));
        }

        return pairs.Count > 0 ? pairs : throw new ArgumentException("--department-tokens needs at least one id=token");
    }

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"missing {name}") : value;

    private static int PositiveInt(string value, string name) =>
        int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} must be a positive integer");

    private static double PositiveDouble(string value, string name) =>
        double.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} must be a positive number");
}

using System.Globalization;
using V1 = Hotline.Api.V1;

namespace Hotline.Load.Grpc;

/// <summary>
/// "grpc" mode: N closed-loop clients drive whole ticket lifecycles through a running host's gRPC
/// desks over a few shared h2c connections, and print per-method throughput and latency. Every OK
/// answer is a transition the server has made durable, so OKs per second is durable transitions/s.
/// </summary>
internal static class GrpcBenchmark
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(GrpcLoadArguments args)
    {
        var connections = Enumerable.Range(0, args.Connections).Select(_ => new H2cUnaryClient(args.Target)).ToArray();
        try
        {
            var identities = new[] { ("agent", args.AgentToken, false), ("supervisor", args.SupervisorToken, false) }
                .Concat(args.Departments.Select(d => ($"department {d.DepartmentId}", d.Token, true)));
            foreach (var (who, token, isDepartment) in identities)
            {
                if (await ProbeAsync(connections[0], token, isDepartment) is { } refusal)
                {
                    Console.Error.WriteLine($"{args.Target}: the {who} token was refused ({refusal}); is the host up and the token issued on its store?");
                    return 1;
                }
            }

            var loadBefore = LoadAverage();
            var window = new MeasureWindow(args.Warmup, args.Duration);
            var clients = Enumerable.Range(0, args.Clients).Select(i =>
            {
                var (departmentId, departmentToken) = args.Departments[i % args.Departments.Count];
                return new LifecycleClient(
                    connections[i % connections.Length], Bearer(args.AgentToken), Bearer(args.SupervisorToken), departmentId, Bearer(departmentToken), window);
            }).ToArray();
            using var abort = new CancellationTokenSource(window.Total + Grace);
            var cpu = new CpuMeter(args.ServerPid);
            var running = clients.Select(c => Task.Run(() => c.RunAsync(abort.Token))).ToArray();
            await Task.Delay(args.Warmup);
            cpu.Start();
            await Task.Delay(args.Duration);
            cpu.Stop();
            await Task.WhenAll(running);
            Print(args, clients, cpu, loadBefore, LoadAverage());
            return 0;
        }
        finally
        {
            Array.ForEach(connections, c => c.Dispose());
        }
    }

    private static string Bearer(string token) => "Bearer " + token;

    /// <summary>Null when the token is accepted: a cheap read on the desk the token is for.</summary>
    private static async Task<string?> ProbeAsync(H2cUnaryClient connection, string token, bool isDepartment)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var result = isDepartment
            ? (await connection.CallAsync("/hotline.v1.DepartmentDesk/ListTickets", new V1.ListTicketsRequest { PageSize = 1 }, Bearer(token), V1.ListTicketsResponse.Parser, timeout.Token)).Code
            : (await connection.CallAsync("/hotline.v1.HotlineDesk/ListDepartments", new V1.ListDepartmentsRequest(), Bearer(token), V1.ListDepartmentsResponse.Parser, timeout.Token)).Code;
        return result == 0 ? null : StatusNames.Of(result);
    }

    private static void Print(GrpcLoadArguments args, LifecycleClient[] clients, CpuMeter cpu, string loadBefore, string loadAfter)
    {
        var rows = new List<(string, LatencySummary, string)>();
        foreach (var step in Enum.GetValues<LifecycleStep>())
        {
            var summary = LatencyRecorder.Summarise(clients.Select(c => c.Tally.Latencies[(int)step]), args.Duration);
            var failures = clients.SelectMany(c => c.Tally.Failures).Where(f => f.Key.Step == step)
                .GroupBy(f => f.Key.Code).Select(g => $"{StatusNames.Of(g.Key)}={g.Sum(f => f.Value)}");
            rows.Add((step.ToString(), summary, string.Join(' ', failures)));
        }

        var all = LatencyRecorder.Summarise(clients.SelectMany(c => c.Tally.Latencies), args.Duration);
        var failed = clients.Sum(c => c.Tally.Failures.Values.Sum());
        rows.Add(("all transitions", all, $"failed calls={failed}"));
        ResultTable.Print(
            $"grpc [{args.Label}]: ticket lifecycles over h2c, {args.Clients} concurrent clients on {args.Connections} connections, " +
            $"{args.Duration.TotalSeconds:F0} s after {args.Warmup.TotalSeconds:F0} s warm-up; {Environment.ProcessorCount} cores shared by client and server; " +
            $"load average {loadBefore} before, {loadAfter} after",
            rows);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{args.Label}] CPU per transition: server {PerTransition(cpu.Server, all)}, benchmark client {PerTransition(cpu.Client, all)} " +
            $"(server {Cores(cpu.Server, args.Duration)} cores, client {Cores(cpu.Client, args.Duration)} cores busy on average)"));
        var met = all.PerSecond >= 5000 && all.P99 < 25;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{args.Label}] durable transitions/s: {all.PerSecond:F0}, p99 {all.P99:F2} ms; lifecycles closed/s: {rows[^2].Item2.PerSecond:F0}; aim ≥ 5000/s with p99 < 25 ms: {(met ? "met" : "not met")}"));
    }

    private static string PerTransition(TimeSpan? cpu, LatencySummary all) =>
        cpu is { } t && all.Operations > 0 ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalMilliseconds * 1000 / all.Operations:F0} µs") : "n/a";

    private static string Cores(TimeSpan? cpu, TimeSpan duration) =>
        cpu is { } t ? string.Create(CultureInfo.InvariantCulture, $"{t / duration:F2}") : "n/a";

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}

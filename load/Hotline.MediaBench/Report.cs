using System.Globalization;

namespace Hotline.MediaBench;

internal static class Report
{
    public static void Print(BenchOptions options, long sent, DelayCollector measure, string? relayResult, TimeSpan generatorCpu)
    {
        string[] r = relayResult?.Split(' ') ?? [];
        if (r.Length < 9 || r[0] != "result")
        {
            Console.WriteLine($"relay gave no result ({relayResult ?? "nothing"})");
            return;
        }

        double Number(int i) => double.Parse(r[i], CultureInfo.InvariantCulture);
        long delivered = measure.Received;
        (double p50, double p99, double max) = measure.AddedJitter();
        double relayCpu = Number(4) / Number(5) / Environment.ProcessorCount * 100;
        double generatorCpuShare = generatorCpu.TotalSeconds / options.Seconds / Environment.ProcessorCount * 100;
        double forwardedShare = sent == 0 ? 0 : delivered * 100.0 / sent;
        bool pass = forwardedShare >= 99.9 && p99 <= 5.0;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            calls  engine  inline rec  pps-sent  sent      relay-recv  forwarded  delivered  fwd%     jit-p50ms  jit-p99ms  jit-max  relayCPU%  relay-us/pkt  genCPU%  rec-MB  relay-gen0  relay-alloc-MB  verdict
            {options.Calls,-6} {(options.RelayThreads > 0 ? $"epoll{options.RelayThreads}" : "async"),-7} {(options.InlineCompletions ? "yes" : "no"),-6} {(options.Record ? "yes" : "no"),-4} {sent / options.Seconds,-9} {sent,-9} {r[1],-11} {r[2],-10} {delivered,-10} {forwardedShare,-8:F3} {p50,-10:F3} {p99,-10:F3} {max,-8:F1} {relayCpu,-10:F1} {MicrosecondsPerPacket(Number(4), Number(1)),-12:F2} {generatorCpuShare,-8:F1} {Number(6) / 1e6,-7:F1} {r[7],-11} {Number(8) / 1e6,-15:F1} {(pass ? "PASS" : "FAIL")}
            """));
    }

    /// <summary>Relay CPU time per packet it received (each is also recorded and, normally, forwarded).</summary>
    private static double MicrosecondsPerPacket(double cpuSeconds, double received) =>
        received == 0 ? 0 : cpuSeconds / received * 1e6;
}

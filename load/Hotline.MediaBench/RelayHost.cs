using System.Diagnostics;
using System.Globalization;
using System.Net;
using Hotline.Telephony.Media;
using Hotline.Telephony.Media.Recording;
using Hotline.Telephony.Media.Rtp;

namespace Hotline.MediaBench;

/// <summary>
/// The relay side: N bridged calls with recording, each leg told where its generator peer is.
/// Protocol on stdin/stdout: reads "peers callerPort agentPort...", writes "call i callerPort agentPort"
/// per call and "ready"; on "stop" (or its own deadline) prints counters and CPU and exits.
/// </summary>
internal static class RelayHost
{
    public static async Task<int> RunAsync(BenchOptions options, TextReader input, TextWriter output)
    {
        string[] peers = (await input.ReadLineAsync().ConfigureAwait(false))!.Split(' ')[1..];
        using var ports = new RtpPortAllocator(new MediaOptions { PortMin = options.PortMin, PortMax = options.PortMin + (options.Calls * 4) + 100, RelayThreads = options.RelayThreads });
        string runDirectory = Path.Combine(options.DataDirectory, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var relays = new List<RtpRelay>(options.Calls);
        var recorders = new List<CallRecorder>(options.Calls);
        int half = peers.Length / 2;
        for (int i = 0; i < options.Calls; i++)
        {
            IRtpPacketTap[] taps = [];
            if (options.Record)
            {
                var recorder = new CallRecorder(Path.Combine(runDirectory, $"call-{i}.wav"), TimeProvider.System);
                recorders.Add(recorder);
                taps = [recorder];
            }

            RtpRelay relay = RtpRelay.TryStart(ports, taps) ?? throw new InvalidOperationException($"port range exhausted at call {i}");
            relay.Caller.SetSignalledRemote(new IPEndPoint(IPAddress.Loopback, int.Parse(peers[i % half], CultureInfo.InvariantCulture)));
            relay.Agent.SetSignalledRemote(new IPEndPoint(IPAddress.Loopback, int.Parse(peers[half + (i % half)], CultureInfo.InvariantCulture)));
            relays.Add(relay);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"call {i} {relay.Caller.LocalPort} {relay.Agent.LocalPort}")).ConfigureAwait(false);
        }

        TimeSpan cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        await output.WriteLineAsync("ready").ConfigureAwait(false);
        await output.FlushAsync().ConfigureAwait(false);

        // Stops by itself even if the generator dies.
        Task stop = input.ReadLineAsync();
        await Task.WhenAny(stop, Task.Delay(TimeSpan.FromSeconds(options.Seconds + 30))).ConfigureAwait(false);
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart;
        double seconds = wall.Elapsed.TotalSeconds;

        long received = relays.Sum(r => r.Caller.Received + r.Agent.Received);
        long forwarded = relays.Sum(r => r.Caller.Forwarded + r.Agent.Forwarded);
        long dropped = relays.Sum(r => r.Caller.Malformed + r.Agent.Malformed + r.Caller.Foreign + r.Agent.Foreign + r.Caller.Undeliverable + r.Agent.Undeliverable);
        foreach (RtpRelay relay in relays)
        {
            await relay.DisposeAsync().ConfigureAwait(false);
        }

        long bytes = 0;
        foreach (CallRecorder recorder in recorders)
        {
            recorder.Dispose();
            bytes += new FileInfo(recorder.Path).Length;
        }

        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"result {received} {forwarded} {dropped} {cpu.TotalSeconds:F3} {seconds:F3} {bytes} {GC.CollectionCount(0)} {GC.GetTotalAllocatedBytes()}")).ConfigureAwait(false);
        await output.FlushAsync().ConfigureAwait(false);
        if (Directory.Exists(runDirectory))
        {
            Directory.Delete(runDirectory, recursive: true);
        }

        return 0;
    }
}

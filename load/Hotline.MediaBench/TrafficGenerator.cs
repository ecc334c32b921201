using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Hotline.Telephony.Media.Rtp;

namespace Hotline.MediaBench;

/// <summary>
/// Plays caller and agent for N calls: 50 packets/s each way per call (20 ms G.711 frames), spread evenly
/// over each 20 ms tick, each carrying its send time; measures what comes back through the relay.
/// </summary>
internal static class TrafficGenerator
{
    private const int SocketsPerSide = 2;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);
    private static readonly byte[] Silence = new byte[160];

    public static async Task<int> RunAsync(BenchOptions options)
    {
        Socket[] callerSockets = Bind(SocketsPerSide);
        Socket[] agentSockets = Bind(SocketsPerSide);
        using Process relay = StartRelay(options);
        string peers = string.Join(' ', callerSockets.Concat(agentSockets).Select(s => ((IPEndPoint)s.LocalEndPoint!).Port));
        await relay.StandardInput.WriteLineAsync("peers " + peers).ConfigureAwait(false);
        await relay.StandardInput.FlushAsync().ConfigureAwait(false);

        var legs = new (IPEndPoint Caller, IPEndPoint Agent)[options.Calls];
        string? line;
        while ((line = await relay.StandardOutput.ReadLineAsync().ConfigureAwait(false)) is not null && line != "ready")
        {
            string[] parts = line.Split(' ');
            int call = int.Parse(parts[1], CultureInfo.InvariantCulture);
            legs[call] = (new IPEndPoint(IPAddress.Loopback, int.Parse(parts[2], CultureInfo.InvariantCulture)),
                          new IPEndPoint(IPAddress.Loopback, int.Parse(parts[3], CultureInfo.InvariantCulture)));
        }

        if (line is null)
        {
            await Console.Error.WriteLineAsync("relay process ended before it was ready").ConfigureAwait(false);
            return 1;
        }

        // For load/media/profile.sh: the relay's steady state starts now, after its set-up.
        await Console.Error.WriteLineAsync($"relay {relay.Id} ready").ConfigureAwait(false);
        var measure = new DelayCollector(options.Calls * 2, options.Calls * 100L * options.Seconds);
        var stop = new CancellationTokenSource();
        long startTicks = Stopwatch.GetTimestamp();
        Thread[] receivers = callerSockets.Concat(agentSockets)
            .Select(s => StartThread(() => Receive(s, measure, startTicks, stop.Token)))
            .ToArray();
        TimeSpan cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        long sent = Send(legs, callerSockets, agentSockets, options.Seconds);
        TimeSpan generatorCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuStart;

        Thread.Sleep(300);
        await relay.StandardInput.WriteLineAsync("stop").ConfigureAwait(false);
        await relay.StandardInput.FlushAsync().ConfigureAwait(false);
        string? result = await relay.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        stop.Cancel();

        // Receivers wake within their socket timeout; only then are the sockets closed under them.
        foreach (Thread receiver in receivers)
        {
            receiver.Join();
        }

        foreach (Socket socket in callerSockets.Concat(agentSockets))
        {
            socket.Dispose();
        }

        if (!relay.WaitForExit(30_000))
        {
            relay.Kill();
        }

        Report.Print(options, sent, measure, result, generatorCpu);
        return 0;
    }

    private static long Send((IPEndPoint Caller, IPEndPoint Agent)[] legs, Socket[] callers, Socket[] agents, int seconds)
    {
        BatchedUdp[] callerOut = callers.Select(s => new BatchedUdp(s, RtpHeader.FixedLength + 160)).ToArray();
        BatchedUdp[] agentOut = agents.Select(s => new BatchedUdp(s, RtpHeader.FixedLength + 160)).ToArray();
        BatchedUdp[] all = [.. callerOut, .. agentOut];
        SocketAddress[] callerTargets = legs.Select(l => l.Caller.Serialize()).ToArray();
        SocketAddress[] agentTargets = legs.Select(l => l.Agent.Serialize()).ToArray();
        long frequency = Stopwatch.Frequency;
        long tick = frequency / 50;
        long start = Stopwatch.GetTimestamp();
        long end = start + (seconds * frequency);
        long sent = 0;
        int calls = legs.Length;
        for (long frame = 0; ; frame++)
        {
            long frameStart = start + (frame * tick);
            if (frameStart >= end)
            {
                Flush(all);
                return sent;
            }

            for (int call = 0; call < calls; call++)
            {
                // Calls are not phase-aligned in life: spread them over the 20 ms frame. The sender sleeps
                // about 1 ms at a time and sends what has come due, so it never spins; what came due
                // together goes out in one sendmmsg per socket, stamped as it is staged.
                long due = frameStart + (tick * call / calls);
                if (due > Stopwatch.GetTimestamp())
                {
                    Flush(all);
                    Thread.Sleep(1);
                }

                for (int direction = 0; direction < 2; direction++)
                {
                    uint ssrc = (uint)((call << 1) | direction);
                    BatchedUdp batch = direction == 0 ? callerOut[call % callerOut.Length] : agentOut[call % agentOut.Length];
                    Span<byte> packet = batch.Next;
                    int length = RtpPacketWriter.Write(packet, 0, false, (ushort)frame, (uint)(frame * 160), ssrc, Silence);
                    BinaryPrimitives.WriteInt64LittleEndian(packet[RtpHeader.FixedLength..], Stopwatch.GetTimestamp());
                    batch.Stage(length, direction == 0 ? callerTargets[call] : agentTargets[call]);
                    sent++;
                }
            }
        }
    }

    private static void Flush(BatchedUdp[] batches)
    {
        foreach (BatchedUdp batch in batches)
        {
            batch.Flush();
        }
    }

    private static void Receive(Socket socket, DelayCollector measure, long startTicks, CancellationToken stop)
    {
        var batch = new BatchedUdp(socket, 2048);
        Span<int> lengths = stackalloc int[BatchedUdp.Capacity];
        long warmUpEnd = startTicks + (long)(WarmUp.TotalSeconds * Stopwatch.Frequency);
        while (!stop.IsCancellationRequested)
        {
            int received = batch.Receive(lengths);
            long now = Stopwatch.GetTimestamp();
            for (int i = 0; i < received; i++)
            {
                ReadOnlySpan<byte> datagram = batch.Datagram(i, lengths[i]);
                if (!RtpPacketReader.TryParse(datagram, out RtpHeader header, out _) || header.PayloadLength < 8)
                {
                    continue;
                }

                long sentAt = BinaryPrimitives.ReadInt64LittleEndian(datagram[header.PayloadOffset..]);
                measure.Add((int)header.Ssrc, now - sentAt, sentAt >= warmUpEnd);
            }
        }
    }

    private static Socket[] Bind(int count) => Enumerable.Range(0, count).Select(_ =>
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 4 << 20, ReceiveTimeout = 200 };
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }).ToArray();

    private static Thread StartThread(Action body)
    {
        var thread = new Thread(() => body()) { IsBackground = true };
        thread.Start();
        return thread;
    }

    private static Process StartRelay(BenchOptions options)
    {
        string self = Environment.ProcessPath!;
        string prefix = Path.GetFileNameWithoutExtension(self) == "dotnet" ? $"\"{typeof(TrafficGenerator).Assembly.Location}\" " : string.Empty;
        var start = new ProcessStartInfo(self, prefix + "serve " + options.ToArguments())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (options.InlineCompletions)
        {
            start.Environment["DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"] = "1";
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start the relay process");
    }
}

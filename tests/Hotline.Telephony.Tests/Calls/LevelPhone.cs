using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Hotline.Telephony.Media.Recording;
using Hotline.Telephony.Media.Rtp;

namespace Hotline.Telephony.Tests.Calls;

/// <summary>
/// The audio side of a sipp phone: a UDP socket whose port the phone's SDP offers (sipp -key rtp_port). It
/// sends nothing until the edge sends to it (it learns where from), then a constant PCMU level every 20 ms:
/// each party's own level, so what a party hears names who it hears (the G.711-quantised sum of them).
/// </summary>
internal sealed class LevelPhone : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly UdpClient _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _hangUp = new();
    private readonly Channel<(uint Ssrc, byte[] Payload)> _heard = Channel.CreateUnbounded<(uint, byte[])>();
    private readonly TaskCompletionSource<IPEndPoint> _edge = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly byte _code;
    private readonly Task _receiving;
    private readonly Task _sending;

    public LevelPhone(string address, short level)
    {
        _socket = new UdpClient(new IPEndPoint(IPAddress.Parse(address), 0));
        Ssrc = (uint)Random.Shared.Next();
        var code = new byte[1];
        G711.Encode(G711.PcmuPayloadType, [level], code);
        _code = code[0];
        Level = G711.MuLawToLinear(_code);
        _receiving = Task.Run(ReceiveAsync);
        _sending = Task.Run(SendAsync);
    }

    public int Port => ((IPEndPoint)_socket.Client.LocalEndPoint!).Port;

    public uint Ssrc { get; }

    /// <summary>The level as the others decode it.</summary>
    public short Level { get; }

    /// <summary>Stops sending, as a phone does once hung up (a latching relay must not keep hearing a phone that left).</summary>
    public async Task HangUpAsync()
    {
        await _hangUp.CancelAsync();
        await _sending;
    }

    /// <summary>Forgets what was heard so far (a mode switch was seen elsewhere; older audio says nothing about the new mode).</summary>
    public void Forget()
    {
        while (_heard.Reader.TryRead(out _))
        {
        }
    }

    /// <summary>
    /// Waits for <paramref name="run"/> packets in a row whose every sample is <paramref name="sum"/> (saturated,
    /// quantised): the party hears exactly those levels. A party that also heard someone else never gets the run.
    /// </summary>
    public async Task HearsAsync(int sum, int run = 10)
    {
        var expected = new byte[1];
        G711.Encode(G711.PcmuPayloadType, [(short)Math.Clamp(sum, short.MinValue, short.MaxValue)], expected);
        using var timeout = new CancellationTokenSource(Patience);
        var last = new Queue<string>();
        try
        {
            for (var inRow = 0; inRow < run;)
            {
                var (_, payload) = await _heard.Reader.ReadAsync(timeout.Token);
                inRow = payload.Length > 0 && payload.All(b => b == expected[0]) ? inRow + 1 : 0;
                last.Enqueue(payload.Length == 0 ? "-" : G711.MuLawToLinear(payload[0]).ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (last.Count > 12)
                {
                    last.Dequeue();
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"never heard {sum} {run} times in a row; last heard: {string.Join(" ", last)}");
        }
    }

    /// <summary>Waits for a packet of the given stream: the relay passes that party's own packets again.</summary>
    public async Task HearsStreamAsync(uint ssrc)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while ((await _heard.Reader.ReadAsync(timeout.Token)).Ssrc != ssrc)
        {
        }
    }

    private async Task ReceiveAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            UdpReceiveResult received;
            try
            {
                received = await _socket.ReceiveAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            if (RtpPacketReader.TryParse(received.Buffer, out RtpHeader header, out _) && header.PayloadType == G711.PcmuPayloadType)
            {
                _edge.TrySetResult(received.RemoteEndPoint);
                _heard.Writer.TryWrite((header.Ssrc, received.Buffer.AsSpan(header.PayloadOffset, header.PayloadLength).ToArray()));
            }
        }
    }

    private async Task SendAsync()
    {
        IPEndPoint edge;
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, _hangUp.Token);
        try
        {
            edge = await _edge.Task.WaitAsync(sending.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        var packet = new byte[RtpHeader.FixedLength + 160];
        var payload = Enumerable.Repeat(_code, 160).ToArray();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        for (var n = 0; !sending.IsCancellationRequested; n++)
        {
            RtpPacketWriter.Write(packet, G711.PcmuPayloadType, n == 0, (ushort)n, (uint)(n * 160), Ssrc, payload);
            try
            {
                await _socket.SendAsync(packet, edge, sending.Token);
                await timer.WaitForNextTickAsync(sending.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        await Task.WhenAll(_receiving, _sending);
        _stop.Dispose();
        _hangUp.Dispose();
    }
}

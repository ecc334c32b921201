using System.Net;
using System.Net.Sockets;
using Hotline.Telephony.Media.Recording;
using Hotline.Telephony.Media.Rtp;

namespace Hotline.Telephony.Tests.Media.Mixing;

/// <summary>A phone on loopback: sends a constant level every 20 ms to its leg, keeps what it receives.</summary>
internal sealed class LoopbackPhone : IAsyncDisposable
{
    /// <summary>Bounds a broken run only: every wait ends at the packet it waits for.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sending;
    private readonly byte _payloadType;
    private readonly IPEndPoint _leg;

    public LoopbackPhone(RtpRelayLeg leg, byte payloadType, short level)
    {
        _payloadType = payloadType;
        _leg = new IPEndPoint(IPAddress.Loopback, leg.LocalPort);
        leg.SetSignalledRemote((IPEndPoint)_socket.Client.LocalEndPoint!);
        Ssrc = (uint)Random.Shared.Next();
        var code = new byte[1];
        G711.Encode(payloadType, [level], code);
        Level = payloadType == G711.PcmuPayloadType ? G711.MuLawToLinear(code[0]) : G711.ALawToLinear(code[0]);
        _sending = Task.Run(() => SendAsync(code[0]));
    }

    public uint Ssrc { get; }

    /// <summary>The level as the others decode it (after G.711 quantisation).</summary>
    public short Level { get; }

    private async Task SendAsync(byte code)
    {
        var packet = new byte[12 + 160];
        byte[] payload = Enumerable.Repeat(code, 160).ToArray();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        for (int n = 0; !_stop.IsCancellationRequested; n++)
        {
            RtpPacketWriter.Write(packet, _payloadType, n == 0, (ushort)n, (uint)(n * 160), Ssrc, payload);
            await _socket.SendAsync(packet, _leg);
            try
            {
                await timer.WaitForNextTickAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Waits for <paramref name="times"/> packets in our law whose every sample is the given sum, saturated.</summary>
    public Task WaitForLevelAsync(int sum, int times = 1)
    {
        var code = new byte[1];
        G711.Encode(_payloadType, [(short)Math.Clamp(sum, short.MinValue, short.MaxValue)], code);
        return WaitForAsync(p => p.PayloadType == _payloadType && p.Payload.All(b => b == code[0]), times);
    }

    public async Task WaitForAsync(Func<(uint Ssrc, byte PayloadType, byte[] Payload), bool> match, int times = 1)
    {
        using var timeout = new CancellationTokenSource(Patience);
        for (var seen = 0; seen < times;)
        {
            UdpReceiveResult result = await _socket.ReceiveAsync(timeout.Token);
            if (RtpPacketReader.TryParse(result.Buffer, out RtpHeader header, out _)
                && match((header.Ssrc, header.PayloadType, result.Buffer.AsSpan(header.PayloadOffset, header.PayloadLength).ToArray())))
            {
                seen++;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sending;
        _socket.Dispose();
        _stop.Dispose();
    }
}

using System.Net;
using System.Net.Sockets;
using Hotline.Telephony.Ivr;
using Hotline.Telephony.Media;
using Hotline.Telephony.Media.Recording;
using Hotline.Telephony.Media.Rtp;
using Hotline.Telephony.Tests.Support;

namespace Hotline.Telephony.Tests.Media.Rtp;

/// <summary>
/// Prompt players paced by one shared clock, their frames sent in batches over real UDP on loopback: each
/// phone must get its own stream complete and in order, and the clock stops when nothing plays.
/// </summary>
public sealed class FrameClockTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData(true, 42900)]
    [InlineData(false, 42950)]
    public async Task Tick_TwoPlayers_EachPhoneGetsItsFramesInOrderAndTheClockStopsWhenDone(bool useRing, int portMin)
    {
        var time = new FakeTimeProvider();
        using var ports = new RtpPortAllocator(new MediaOptions { PortMin = portMin, PortMax = portMin + 40, RelayThreads = 0 });
        await using RtpRelay first = RtpRelay.TryStart(ports)!;
        await using RtpRelay second = RtpRelay.TryStart(ports)!;
        using var firstPhone = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var secondPhone = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        first.Caller.SetSignalledRemote((IPEndPoint)firstPhone.Client.LocalEndPoint!);
        second.Caller.SetSignalledRemote((IPEndPoint)secondPhone.Client.LocalEndPoint!);
        using var clock = new FrameClock(time, useRing);
        var a = new PromptPlayer(time, first.Caller, G711.PcmuPayloadType, 0xA, 100, 0, clock);
        var b = new PromptPlayer(time, second.Caller, G711.PcmaPayloadType, 0xB, 65534, 8000, clock);
        int finished = 0;

        a.Play([new short[5 * 160]], () => finished++);
        b.Play([new short[3 * 160]], () => finished++);
        int pacedWhilePlaying = clock.Count;
        for (int i = 0; i < 6; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(20));
        }

        Assert.Equal(2, pacedWhilePlaying);
        Assert.Equal((0, 2), (clock.Count, finished));
        Assert.False(a.IsPlaying || b.IsPlaying);
        var heardFirst = await ReceiveAsync(firstPhone, 5);
        var heardSecond = await ReceiveAsync(secondPhone, 3);
        Assert.Equal([(100, 0u), (101, 160u), (102, 320u), (103, 480u), (104, 640u)], heardFirst.Select(h => ((int)h.SequenceNumber, h.Timestamp)));
        Assert.Equal([(65534, 8000u), (65535, 8160u), (0, 8320u)], heardSecond.Select(h => ((int)h.SequenceNumber, h.Timestamp)));
        Assert.All(heardFirst, h => Assert.Equal((0xAu, G711.PcmuPayloadType), (h.Ssrc, h.PayloadType)));
        Assert.All(heardSecond, h => Assert.Equal((0xBu, G711.PcmaPayloadType), (h.Ssrc, h.PayloadType)));
        Assert.Equal((5L, 3L), (first.Caller.Sent, second.Caller.Sent));
        Assert.Equal(0L, first.Caller.Forwarded + second.Caller.Forwarded);
    }

    [Fact]
    public async Task Stop_WhilePaced_LeavesTheClock()
    {
        var time = new FakeTimeProvider();
        using var ports = new RtpPortAllocator(new MediaOptions { PortMin = 43000, PortMax = 43020, RelayThreads = 0 });
        using var clock = new FrameClock(time, useRing: false);
        await using RtpRelay relay = RtpRelay.TryStart(ports)!;
        var player = new PromptPlayer(time, relay.Caller, G711.PcmuPayloadType, 1, 0, 0, clock);
        player.Play([new short[1600]], loop: true);

        player.Stop();

        Assert.Equal(0, clock.Count);
    }

    private static async Task<List<RtpHeader>> ReceiveAsync(UdpClient phone, int count)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var headers = new List<RtpHeader>();
        while (headers.Count < count)
        {
            UdpReceiveResult result = await phone.ReceiveAsync(timeout.Token);
            Assert.True(RtpPacketReader.TryParse(result.Buffer, out RtpHeader header, out _));
            headers.Add(header);
        }
        return headers;
    }
}

using System.Net;
using System.Net.Sockets;
using Hotline.Telephony.Ivr;
using Hotline.Telephony.Media;
using Hotline.Telephony.Media.Dtmf;
using Hotline.Telephony.Media.Recording;
using Hotline.Telephony.Media.Rtp;
using Hotline.Telephony.Tests.Support;

namespace Hotline.Telephony.Tests.Media.Rtp;

/// <summary>The caller's leg before an agent is bridged: prompts out, digits in, over real UDP.</summary>
public sealed class RtpRelayIvrTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task CallerLeg_PromptFramesOutAndRfc4733DigitIn()
    {
        var digits = new List<(RtpLegSide, char)>();
        await using RtpRelay relay = RtpRelay.TryStart(new RtpPortAllocator(new MediaOptions { PortMin = 41700, PortMax = 41740 }))!;
        relay.AddTap(new DtmfTap(101, 96, (side, d) =>
        {
            lock (digits)
            {
                digits.Add((side, d.Digit));
            }
        }));
        using var caller = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        relay.Caller.SetSignalledRemote((IPEndPoint)caller.Client.LocalEndPoint!);
        var time = new FakeTimeProvider();
        var player = new PromptPlayer(time, relay.Caller, G711.PcmaPayloadType, 0x42, 7, 0);

        player.Play([new short[320]]);
        time.Advance(TimeSpan.FromMilliseconds(20));
        UdpReceiveResult first = await caller.ReceiveAsync().WaitAsync(Patience);
        UdpReceiveResult second = await caller.ReceiveAsync().WaitAsync(Patience);

        var legPort = new IPEndPoint(IPAddress.Loopback, relay.Caller.LocalPort);
        Assert.Equal(legPort, first.RemoteEndPoint);
        Assert.True(RtpPacketReader.TryParse(second.Buffer, out RtpHeader h, out _));
        Assert.Equal((8, (ushort)8, 160u), (h.PayloadType, h.SequenceNumber, h.Timestamp));
        Assert.Equal(2, relay.Caller.Sent);

        foreach (bool end in new[] { false, true, true, true })
        {
            var payload = new byte[4];
            new TelephoneEvent(5, end, 10, 800).WriteTo(payload);
            var packet = new byte[16];
            RtpPacketWriter.Write(packet, 101, !end, 1, 4000, 9, payload);
            await caller.SendAsync(packet, legPort);
        }

        await WaitUntilAsync(() => relay.Caller.Received == 4);
        lock (digits)
        {
            Assert.Equal([(RtpLegSide.Caller, '5')], digits);
        }
    }

    [Fact]
    public async Task ForwardingPaused_PacketsHeldNotForwarded()
    {
        await using RtpRelay relay = RtpRelay.TryStart(new RtpPortAllocator(new MediaOptions { PortMin = 41800, PortMax = 41840 }))!;
        using var caller = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var agent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        relay.Agent.SetSignalledRemote((IPEndPoint)agent.Client.LocalEndPoint!);
        relay.Caller.ForwardingEnabled = false;

        var packet = new byte[12 + 160];
        RtpPacketWriter.Write(packet, 0, false, 1, 160, 5, new byte[160]);
        await caller.SendAsync(packet, new IPEndPoint(IPAddress.Loopback, relay.Caller.LocalPort));
        await WaitUntilAsync(() => relay.Caller.Held == 1);

        Assert.Equal((1, 0), (relay.Caller.Received, relay.Caller.Forwarded));
        Assert.Equal(0, agent.Available);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(5, deadline.Token);
        }
    }
}

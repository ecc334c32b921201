using System.Net;
using System.Net.Sockets;
using Hotline.Telephony.Media;
using Hotline.Telephony.Media.Rtp;

namespace Hotline.Telephony.Tests.Media.Rtp;

public sealed class RtpRelayTests
{
    private static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(5);

    private static RtpPortAllocator Ports(int min, int relayThreads = 2) =>
        new(new MediaOptions { PortMin = min, PortMax = min + 40, BindAddress = "127.0.0.1", RelayThreads = relayThreads });

    private static byte[] Packet(ushort sequence, byte payloadType = 0)
    {
        var buffer = new byte[12 + 160];
        RtpPacketWriter.Write(buffer, payloadType, false, sequence, sequence * 160u, 0x1111, new byte[160]);
        return buffer;
    }

    [Theory]
    [InlineData(2, 41100)]
    [InlineData(0, 41900)]
    public async Task Relay_PacketsBothWays_ReachOtherPeerFromLegPort(int relayThreads, int portMin)
    {
        using RtpPortAllocator ports = Ports(portMin, relayThreads);
        await using RtpRelay relay = RtpRelay.TryStart(ports)!;
        using var caller = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var agent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var callerLeg = new IPEndPoint(IPAddress.Loopback, relay.Caller.LocalPort);
        var agentLeg = new IPEndPoint(IPAddress.Loopback, relay.Agent.LocalPort);

        // The agent speaks first so the agent leg latches; then the caller's packet has somewhere to go.
        await agent.SendAsync(Packet(1), agentLeg);
        await WaitUntilAsync(() => relay.Agent.Received == 1);
        await caller.SendAsync(Packet(7), callerLeg);
        UdpReceiveResult atAgent = await agent.ReceiveAsync().WaitAsync(ReceiveTimeout);
        await agent.SendAsync(Packet(2), agentLeg);
        UdpReceiveResult atCaller = await caller.ReceiveAsync().WaitAsync(ReceiveTimeout);

        Assert.Equal(agentLeg, atAgent.RemoteEndPoint);
        Assert.True(RtpPacketReader.TryParse(atAgent.Buffer, out RtpHeader h, out _));
        Assert.Equal(7, h.SequenceNumber);
        Assert.Equal(callerLeg, atCaller.RemoteEndPoint);
        await WaitUntilAsync(() => relay.Caller.Forwarded == 1 && relay.Agent.Forwarded == 1);
        Assert.Equal(2, relay.Agent.Received);
        Assert.Equal(1, relay.Agent.Undeliverable);
        Assert.Equal(caller.Client.LocalEndPoint, relay.Caller.RemoteEndPoint);
    }

    [Fact]
    public async Task Relay_SignalledAddress_UsedBeforeFirstPacket()
    {
        await using RtpRelay relay = RtpRelay.TryStart(Ports(41200))!;
        using var caller = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var agent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        relay.Agent.SetSignalledRemote((IPEndPoint)agent.Client.LocalEndPoint!);

        await caller.SendAsync(Packet(3), new IPEndPoint(IPAddress.Loopback, relay.Caller.LocalPort));
        UdpReceiveResult atAgent = await agent.ReceiveAsync().WaitAsync(ReceiveTimeout);

        Assert.Equal(12 + 160, atAgent.Buffer.Length);
    }

    [Theory]
    [InlineData(2, 41300)]
    [InlineData(0, 42000)]
    public async Task Relay_GarbageAndForeignSource_CountedAndNotForwarded(int relayThreads, int portMin)
    {
        using RtpPortAllocator ports = Ports(portMin, relayThreads);
        await using RtpRelay relay = RtpRelay.TryStart(ports)!;
        using var caller = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var intruder = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var agent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var callerLeg = new IPEndPoint(IPAddress.Loopback, relay.Caller.LocalPort);
        relay.Agent.SetSignalledRemote((IPEndPoint)agent.Client.LocalEndPoint!);

        await caller.SendAsync(new byte[] { 1, 2, 3 }, callerLeg);
        await caller.SendAsync(Packet(1), callerLeg);
        await agent.ReceiveAsync().WaitAsync(ReceiveTimeout);
        await intruder.SendAsync(Packet(99), callerLeg);
        await caller.SendAsync(Packet(2), callerLeg);
        UdpReceiveResult second = await agent.ReceiveAsync().WaitAsync(ReceiveTimeout);

        Assert.True(RtpPacketReader.TryParse(second.Buffer, out RtpHeader h, out _));
        Assert.Equal(2, h.SequenceNumber);
        await WaitUntilAsync(() => relay.Caller.Forwarded == 2);
        Assert.Equal(1, relay.Caller.Malformed);
        Assert.Equal(1, relay.Caller.Foreign);
    }

    [Fact]
    public async Task Relay_Tap_SeesEachPacketWithSide()
    {
        var tap = new RecordingTap();
        await using RtpRelay relay = RtpRelay.TryStart(Ports(41400), tap)!;
        using var agent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var caller = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        relay.Caller.SetSignalledRemote((IPEndPoint)caller.Client.LocalEndPoint!);

        await agent.SendAsync(Packet(5, payloadType: 8), new IPEndPoint(IPAddress.Loopback, relay.Agent.LocalPort));
        await caller.ReceiveAsync().WaitAsync(ReceiveTimeout);

        Assert.Equal([(RtpLegSide.Agent, (byte)8, (ushort)5)], tap.Seen);
    }

    [Theory]
    [InlineData(2, 42200)]
    [InlineData(0, 42300)]
    public async Task Relay_TapThrows_PacketDroppedLoopKeepsServing(int relayThreads, int portMin)
    {
        using RtpPortAllocator ports = Ports(portMin, relayThreads);
        await using RtpRelay relay = RtpRelay.TryStart(ports, new ThrowOnceTap())!;
        using var caller = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var agent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        relay.Agent.SetSignalledRemote((IPEndPoint)agent.Client.LocalEndPoint!);
        var callerLeg = new IPEndPoint(IPAddress.Loopback, relay.Caller.LocalPort);

        await caller.SendAsync(Packet(1), callerLeg);
        await caller.SendAsync(Packet(2), callerLeg);
        UdpReceiveResult forwarded = await agent.ReceiveAsync().WaitAsync(ReceiveTimeout);

        Assert.True(RtpPacketReader.TryParse(forwarded.Buffer, out RtpHeader h, out _));
        Assert.Equal(2, h.SequenceNumber);
        Assert.Equal(1, relay.Caller.Faults);
    }

    [Theory]
    [InlineData(2, 42700)]
    [InlineData(0, 42800)]
    public async Task Relay_BurstQueuedAndOversizeDatagram_BurstForwardedInOrderOversizeRejected(int relayThreads, int portMin)
    {
        using RtpPortAllocator ports = Ports(portMin, relayThreads);
        await using RtpRelay relay = RtpRelay.TryStart(ports)!;
        using var caller = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        caller.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var agent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        relay.Agent.SetSignalledRemote((IPEndPoint)agent.Client.LocalEndPoint!);
        var callerLeg = new IPEndPoint(IPAddress.Loopback, relay.Caller.LocalPort);

        // Sent back to back, several datagrams are queued by the time the leg is read (one batch with the
        // epoll engine); the oversize one fills the receive buffer and must count as malformed, not be cut.
        caller.SendTo(new byte[3000], callerLeg);
        for (ushort sequence = 1; sequence <= 20; sequence++)
        {
            caller.SendTo(Packet(sequence), callerLeg);
        }

        for (ushort expected = 1; expected <= 20; expected++)
        {
            UdpReceiveResult result = await agent.ReceiveAsync().WaitAsync(ReceiveTimeout);
            Assert.True(RtpPacketReader.TryParse(result.Buffer, out RtpHeader header, out _));
            Assert.Equal(expected, header.SequenceNumber);
        }

        Assert.Equal(1, relay.Caller.Malformed);
        Assert.Equal(20, relay.Caller.Received);
    }

    [Fact]
    public async Task DisposeAsync_ReleasesPorts_ForReuse()
    {
        RtpPortAllocator ports = Ports(41500);
        RtpRelay relay = RtpRelay.TryStart(ports)!;
        Assert.Equal(2, ports.Allocated);

        await relay.DisposeAsync();

        Assert.Equal(0, ports.Allocated);
    }

    [Fact]
    public async Task TryStart_RangeExhausted_ReturnsNull()
    {
        // A range with room for one relay, placed where nothing else listens: a fixed range collided with
        // other test runs on this machine.
        var (ports, first) = StartInSmallestRange();

        Assert.Null(RtpRelay.TryStart(ports));
        Assert.Equal(2, ports.Allocated);

        await first.DisposeAsync();
        ports.Dispose();
    }

    private static (RtpPortAllocator Ports, RtpRelay Relay) StartInSmallestRange()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var min = 30000 + (2 * Random.Shared.Next(0, 10000));
            var ports = new RtpPortAllocator(new MediaOptions { PortMin = min, PortMax = min + 2 });
            if (RtpRelay.TryStart(ports) is { } relay)
            {
                return (ports, relay);
            }

            ports.Dispose();
        }

        throw new InvalidOperationException("No free pair of RTP ports found in 50 tries.");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(ReceiveTimeout);
        while (!condition())
        {
            await Task.Delay(5, deadline.Token);
        }
    }

    private sealed class ThrowOnceTap : IRtpPacketTap
    {
        private int _calls;

        public void OnPacket(RtpLegSide from, in RtpHeader header, ReadOnlySpan<byte> datagram)
        {
            if (Interlocked.Increment(ref _calls) == 1)
            {
                throw new InvalidOperationException("tap fault");
            }
        }
    }

    private sealed class RecordingTap : IRtpPacketTap
    {
        public List<(RtpLegSide, byte, ushort)> Seen { get; } = [];

        public void OnPacket(RtpLegSide from, in RtpHeader header, ReadOnlySpan<byte> datagram)
        {
            lock (Seen)
            {
                Seen.Add((from, header.PayloadType, header.SequenceNumber));
            }
        }
    }
}

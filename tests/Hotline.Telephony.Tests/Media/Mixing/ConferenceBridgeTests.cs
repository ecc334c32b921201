using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Hotline.Telephony.Media;
using Hotline.Telephony.Media.Mixing;
using Hotline.Telephony.Media.Recording;
using Hotline.Telephony.Media.Rtp;

namespace Hotline.Telephony.Tests.Media.Mixing;

/// <summary>
/// A relayed call turned three-party over real UDP on loopback: three peers each send a constant level
/// every 20 ms, and each must come to hear exactly the (G.711-quantised) sum of the other two.
/// </summary>
public sealed class ConferenceBridgeTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly string _directory = Directory.CreateTempSubdirectory("hotline-conf-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(2, 42400)]
    [InlineData(0, 42500)]
    public async Task Bridge_ThreePeers_EachHearsOthersThenAgentLeavesThenRelayAgain(int relayThreads, int portMin)
    {
        using var ports = new RtpPortAllocator(new MediaOptions { PortMin = portMin, PortMax = portMin + 40, RelayThreads = relayThreads });
        var recorder = new CallRecorder(Path.Combine(_directory, "call.wav"), TimeProvider.System);
        RtpRelay relay = RtpRelay.TryStart(ports, recorder)!;
        await using var caller = new Peer(relay.Caller, G711.PcmuPayloadType, 1000);
        await using var agent = new Peer(relay.Agent, G711.PcmaPayloadType, 2000);
        ConferenceBridge bridge = ConferenceBridge.TryCreate(relay, ports, TimeProvider.System, recorder)!;
        await using var department = new Peer(bridge.Guest, G711.PcmuPayloadType, -3000);

        // Two-party first: the relay passes the caller's own packets to the agent.
        await agent.WaitForAsync(p => p.Ssrc == caller.Ssrc);

        bridge.Start(G711.PcmuPayloadType, G711.PcmaPayloadType, G711.PcmuPayloadType);
        // Several mixed packets, not the first: the recording below needs mixing ticks with all three in it,
        // and on a loaded machine the first mixed packet can come from the only tick before the agent leaves.
        await caller.WaitForLevelAsync(agent.Level + department.Level, times: 5);
        await agent.WaitForLevelAsync(caller.Level + department.Level);
        await department.WaitForLevelAsync(caller.Level + agent.Level);

        bridge.Remove(ConferenceParty.Agent);
        await caller.WaitForLevelAsync(department.Level);
        await department.WaitForLevelAsync(caller.Level);

        await bridge.DisposeAsync();
        await agent.WaitForAsync(p => p.Ssrc == caller.Ssrc);
        await caller.WaitForAsync(p => p.Ssrc == agent.Ssrc);
        await relay.DisposeAsync();
        recorder.Dispose();

        // The recording kept the caller left and got agent + department on the right while mixing.
        byte[] file = File.ReadAllBytes(recorder.Path);
        var frames = Enumerable.Range(0, (file.Length - 44) / 4)
            .Select(i => (Left: BinaryPrimitives.ReadInt16LittleEndian(file.AsSpan(44 + (i * 4))), Right: BinaryPrimitives.ReadInt16LittleEndian(file.AsSpan(46 + (i * 4)))))
            .ToList();
        Assert.Contains(frames, f => f.Left == caller.Level && f.Right == agent.Level + department.Level);
        Assert.Contains(frames, f => f.Left == caller.Level && f.Right == agent.Level);
        Assert.DoesNotContain(frames, f => f.Left != 0 && f.Left != caller.Level);
        Assert.Equal(0, relay.Caller.Faults + relay.Agent.Faults + bridge.Guest.Faults);
    }

    [Theory]
    [InlineData(2, 42700)]
    [InlineData(0, 42750)]
    public async Task HandOverToGuest_AfterConsultation_CallerAndGuestRelayedPacketByPacketAndRecorded(int relayThreads, int portMin)
    {
        using var ports = new RtpPortAllocator(new MediaOptions { PortMin = portMin, PortMax = portMin + 40, RelayThreads = relayThreads });
        var recorder = new CallRecorder(Path.Combine(_directory, "consult.wav"), TimeProvider.System);
        RtpRelay relay = RtpRelay.TryStart(ports, recorder)!;
        await using var caller = new Peer(relay.Caller, G711.PcmaPayloadType, 1000);
        await using var agent = new Peer(relay.Agent, G711.PcmaPayloadType, 2000);
        ConferenceBridge bridge = ConferenceBridge.TryCreate(relay, ports, TimeProvider.System, recorder)!;
        await using var consulted = new Peer(bridge.Guest, G711.PcmaPayloadType, -3000);
        await agent.WaitForAsync(p => p.Ssrc == caller.Ssrc);
        // Consulting: agent and consulted party talk through the mixer, the caller left out.
        bridge.Start(G711.PcmaPayloadType, G711.PcmaPayloadType, G711.PcmaPayloadType);
        bridge.Remove(ConferenceParty.Caller);
        await consulted.WaitForLevelAsync(agent.Level);

        bool direct = bridge.HandOverToGuest(G711.PcmaPayloadType, G711.PcmaPayloadType);

        // Each now receives the other's own stream (its SSRC), which a mix (our SSRC, re-encoded) never carries.
        Assert.True(direct);
        Assert.False(bridge.IsMixing(ConferenceParty.ThirdParty));
        await consulted.WaitForAsync(p => p.Ssrc == caller.Ssrc, times: 5);
        await caller.WaitForAsync(p => p.Ssrc == consulted.Ssrc, times: 5);
        long forwardedByGuest = bridge.Guest.Forwarded;
        await bridge.DisposeAsync();
        await relay.DisposeAsync();
        recorder.Dispose();

        Assert.True(forwardedByGuest >= 5, $"guest leg forwarded {forwardedByGuest}");
        Assert.Equal(0, relay.Caller.Faults + bridge.Guest.Faults);
        // The recording goes on from the relay's packets: the caller left, the consulted party right.
        byte[] file = File.ReadAllBytes(recorder.Path);
        var frames = Enumerable.Range(0, (file.Length - 44) / 4)
            .Select(i => (Left: BinaryPrimitives.ReadInt16LittleEndian(file.AsSpan(44 + (i * 4))), Right: BinaryPrimitives.ReadInt16LittleEndian(file.AsSpan(46 + (i * 4)))))
            .ToList();
        Assert.Contains(frames, f => f.Left == caller.Level && f.Right == consulted.Level);
    }

    [Fact]
    public async Task HandOverToGuest_LawsDiffer_CallerSeatedInTheMixInstead()
    {
        using var ports = new RtpPortAllocator(new MediaOptions { PortMin = 42800, PortMax = 42840 });
        await using RtpRelay relay = RtpRelay.TryStart(ports)!;
        await using var caller = new Peer(relay.Caller, G711.PcmuPayloadType, 1000);
        await using var agent = new Peer(relay.Agent, G711.PcmaPayloadType, 2000);
        await using ConferenceBridge bridge = ConferenceBridge.TryCreate(relay, ports, TimeProvider.System)!;
        await using var consulted = new Peer(bridge.Guest, G711.PcmaPayloadType, -3000);
        bridge.Start(G711.PcmuPayloadType, G711.PcmaPayloadType, G711.PcmaPayloadType);
        bridge.Remove(ConferenceParty.Caller);

        bool direct = bridge.HandOverToGuest(G711.PcmuPayloadType, G711.PcmaPayloadType);

        Assert.False(direct);
        Assert.True(bridge.IsMixing(ConferenceParty.Caller));
        Assert.False(bridge.IsMixing(ConferenceParty.Agent));
        await caller.WaitForLevelAsync(consulted.Level);
        await consulted.WaitForLevelAsync(caller.Level);
    }

    [Fact]
    public async Task Start_SecondBridgeOrNonG711_Refused()
    {
        using var ports = new RtpPortAllocator(new MediaOptions { PortMin = 42600, PortMax = 42640 });
        await using RtpRelay relay = RtpRelay.TryStart(ports)!;
        await using ConferenceBridge first = ConferenceBridge.TryCreate(relay, ports, TimeProvider.System)!;
        await using ConferenceBridge second = ConferenceBridge.TryCreate(relay, ports, TimeProvider.System)!;
        first.Start(0, 0, 0);

        Assert.Throws<InvalidOperationException>(() => second.Start(0, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => second.Start(0, 0, 18));
        Assert.Equal(4, ports.Allocated);
    }

    /// <summary>A phone on loopback: sends a constant level every 20 ms to its leg, keeps what it receives.</summary>
    private sealed class Peer : IAsyncDisposable
    {
        private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sending;
        private readonly byte _payloadType;
        private readonly IPEndPoint _leg;

        public Peer(RtpRelayLeg leg, byte payloadType, short level)
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
}

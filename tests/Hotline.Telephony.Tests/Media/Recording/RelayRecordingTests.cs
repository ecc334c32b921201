using System.Net;
using System.Net.Sockets;
using Hotline.Telephony.Media;
using Hotline.Telephony.Media.Recording;
using Hotline.Telephony.Media.Rtp;

namespace Hotline.Telephony.Tests.Media.Recording;

/// <summary>A bridged call over real UDP, recorded through the relay tap.</summary>
public sealed class RelayRecordingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hotline-relayrec-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Relay_WithRecorder_CallerLeftAgentRight()
    {
        using var ports = new RtpPortAllocator(new MediaOptions { PortMin = 42100, PortMax = 42140 });
        string path = RecordingPaths.For(_directory, "bridge-1", TimeProvider.System.GetUtcNow());
        var recorder = new CallRecorder(path, TimeProvider.System);
        RtpRelay relay = RtpRelay.TryStart(ports, recorder)!;
        using var caller = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var agent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        relay.Caller.SetSignalledRemote((IPEndPoint)caller.Client.LocalEndPoint!);
        relay.Agent.SetSignalledRemote((IPEndPoint)agent.Client.LocalEndPoint!);
        byte callerTone = G711.LinearToMuLaw(4000), agentTone = G711.LinearToMuLaw(-2000);

        for (int packet = 0; packet < 5; packet++)
        {
            await caller.SendAsync(Packet(packet, callerTone), new IPEndPoint(IPAddress.Loopback, relay.Caller.LocalPort));
            await agent.SendAsync(Packet(packet, agentTone), new IPEndPoint(IPAddress.Loopback, relay.Agent.LocalPort));
        }

        for (int i = 0; i < 5; i++)
        {
            await agent.ReceiveAsync().WaitAsync(TimeSpan.FromSeconds(5));
            await caller.ReceiveAsync().WaitAsync(TimeSpan.FromSeconds(5));
        }

        await relay.DisposeAsync();
        recorder.Dispose();

        var frames = RecordedWav.Frames(path);
        Assert.True(frames.Count >= 5 * 160);
        Assert.Equal(800, frames.Count(f => f.Left == G711.MuLawToLinear(callerTone)));
        Assert.Equal(800, frames.Count(f => f.Right == G711.MuLawToLinear(agentTone)));
        Assert.DoesNotContain(frames, f => f.Left == G711.MuLawToLinear(agentTone) || f.Right == G711.MuLawToLinear(callerTone));
    }

    private static byte[] Packet(int sequence, byte tone)
    {
        var packet = new byte[12 + 160];
        RtpPacketWriter.Write(packet, G711.PcmuPayloadType, sequence == 0, (ushort)sequence, (uint)(sequence * 160), 7, Enumerable.Repeat(tone, 160).ToArray());
        return packet;
    }
}

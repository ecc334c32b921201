using System.Net;
using System.Net.Sockets;
using Hotline.Telephony.Media;
using Hotline.Telephony.Media.Rtp;
using Hotline.Telephony.Media.Srtp;

namespace Hotline.Telephony.Tests.Media.Rtp;

/// <summary>A relay leg on SRTP over real sockets: plain RTP on the far side, SRTP on the wire, forgeries dropped.</summary>
public sealed class RtpRelaySrtpTests
{
    private static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(15);
    private readonly SrtpMasterKey _edgeKey = SrtpMasterKey.Generate();
    private readonly SrtpMasterKey _phoneKey = SrtpMasterKey.Generate();

    private static RtpPortAllocator Ports(int min) =>
        new(new MediaOptions { PortMin = min, PortMax = min + 40, BindAddress = "127.0.0.1", RelayThreads = 2 });

    private static byte[] Packet(ushort sequence, byte fill)
    {
        var payload = new byte[160];
        Array.Fill(payload, fill);
        var buffer = new byte[12 + 160];
        RtpPacketWriter.Write(buffer, 0, false, sequence, sequence * 160u, 0x2222, payload);
        return buffer;
    }

    private static byte[] Protect(SrtpTransform phone, byte[] plain)
    {
        var buffer = new byte[plain.Length + SrtpTransform.TagLength];
        plain.CopyTo(buffer, 0);
        Assert.True(phone.TryProtect(buffer, plain.Length, out _));
        return buffer;
    }

    [Fact]
    public async Task Relay_SrtpCallerLeg_PlainToAgentAndEncryptedBack()
    {
        await using RtpRelay relay = RtpRelay.TryStart(Ports(44300))!;
        relay.Caller.Secure(new SrtpKeys(_edgeKey, _phoneKey));
        using var phoneSends = new SrtpTransform(_phoneKey);
        using var phoneHears = new SrtpTransform(_edgeKey);
        using var phone = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var agent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        relay.Agent.SetSignalledRemote((IPEndPoint)agent.Client.LocalEndPoint!);
        var callerLeg = new IPEndPoint(IPAddress.Loopback, relay.Caller.LocalPort);

        await phone.SendAsync(Protect(phoneSends, Packet(7, 0x5A)), callerLeg);
        UdpReceiveResult atAgent = await agent.ReceiveAsync().WaitAsync(ReceiveTimeout);
        await agent.SendAsync(Packet(1, 0x3C), new IPEndPoint(IPAddress.Loopback, relay.Agent.LocalPort));
        UdpReceiveResult atPhone = await phone.ReceiveAsync().WaitAsync(ReceiveTimeout);

        Assert.Equal(Packet(7, 0x5A), atAgent.Buffer);
        Assert.Equal(12 + 160 + SrtpTransform.TagLength, atPhone.Buffer.Length);
        Assert.NotEqual(Packet(1, 0x3C)[12..], atPhone.Buffer[12..172]);
        Assert.True(phoneHears.TryUnprotect(atPhone.Buffer, out var length));
        Assert.Equal(Packet(1, 0x3C), atPhone.Buffer[..length]);
        Assert.True(relay.Caller.IsSecure);
        Assert.Equal(0, relay.Caller.AuthenticationFailures);
    }

    [Fact]
    public async Task Relay_SrtpLeg_ForgedAndReplayedPacketsDroppedAndNeverLatched()
    {
        await using RtpRelay relay = RtpRelay.TryStart(Ports(44400))!;
        relay.Caller.Secure(new SrtpKeys(_edgeKey, _phoneKey));
        using var phoneSends = new SrtpTransform(_phoneKey);
        using var forger = new SrtpTransform(SrtpMasterKey.Generate());
        using var intruder = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var phone = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var agent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        relay.Agent.SetSignalledRemote((IPEndPoint)agent.Client.LocalEndPoint!);
        var callerLeg = new IPEndPoint(IPAddress.Loopback, relay.Caller.LocalPort);

        // Another key, and a plain RTP packet: both fail authentication before the source can latch.
        await intruder.SendAsync(Protect(forger, Packet(1, 0x11)), callerLeg);
        await intruder.SendAsync(Packet(2, 0x22), callerLeg);
        await WaitUntilAsync(() => relay.Caller.AuthenticationFailures == 2);
        Assert.Null(relay.Caller.RemoteEndPoint);
        var genuine = Protect(phoneSends, Packet(3, 0x33));
        await phone.SendAsync(genuine, callerLeg);
        UdpReceiveResult atAgent = await agent.ReceiveAsync().WaitAsync(ReceiveTimeout);
        await phone.SendAsync(genuine, callerLeg);
        await WaitUntilAsync(() => relay.Caller.AuthenticationFailures == 3);

        Assert.Equal(Packet(3, 0x33), atAgent.Buffer);
        Assert.Equal(phone.Client.LocalEndPoint, relay.Caller.RemoteEndPoint);
        Assert.Equal(1, relay.Caller.Forwarded);
        Assert.Equal(0, relay.Caller.Faults);
    }

    /// <summary>
    /// RTCP multiplexed on the RTP port (RFC 5761) crosses an SRTP leg as SRTCP (RFC 3711 §3.4): the phone's is
    /// checked and decrypted for the agent, the agent's protected for the phone; forged, short and replayed
    /// SRTCP is dropped and counted, and latches nothing.
    /// </summary>
    [Fact]
    public async Task Relay_SrtpLeg_SrtcpDecryptedOnwardProtectedBackAndForgeriesDropped()
    {
        await using RtpRelay relay = RtpRelay.TryStart(Ports(44500))!;
        relay.Caller.Secure(new SrtpKeys(_edgeKey, _phoneKey));
        using var phoneSends = new SrtcpTransform(_phoneKey);
        using var phoneHears = new SrtcpTransform(_edgeKey);
        using var forger = new SrtcpTransform(SrtpMasterKey.Generate());
        using var intruder = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var phone = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var agent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        relay.Agent.SetSignalledRemote((IPEndPoint)agent.Client.LocalEndPoint!);
        var callerLeg = new IPEndPoint(IPAddress.Loopback, relay.Caller.LocalPort);

        await intruder.SendAsync(ProtectRtcp(forger, ReceiverReport(0x4444)), callerLeg);
        await intruder.SendAsync(ReceiverReport(0x4444)[..20], callerLeg); // plain RTCP, shorter than any SRTCP
        await WaitUntilAsync(() => relay.Caller.SrtcpDropped == 2);
        Assert.Null(relay.Caller.RemoteEndPoint);
        var genuine = ProtectRtcp(phoneSends, ReceiverReport(0x2222));
        await phone.SendAsync(genuine, callerLeg);
        UdpReceiveResult atAgent = await agent.ReceiveAsync().WaitAsync(ReceiveTimeout);
        await phone.SendAsync(genuine, callerLeg);
        await WaitUntilAsync(() => relay.Caller.SrtcpDropped == 3);
        await agent.SendAsync(ReceiverReport(0x3333), new IPEndPoint(IPAddress.Loopback, relay.Agent.LocalPort));
        UdpReceiveResult atPhone = await phone.ReceiveAsync().WaitAsync(ReceiveTimeout);

        Assert.Equal(ReceiverReport(0x2222), atAgent.Buffer);
        Assert.Equal(ReceiverReport(0x3333).Length + SrtcpTransform.Overhead, atPhone.Buffer.Length);
        Assert.NotEqual(ReceiverReport(0x3333)[8..], atPhone.Buffer[8..ReceiverReport(0x3333).Length]);
        Assert.Equal(SrtcpCheck.Accepted, phoneHears.Unprotect(atPhone.Buffer, out var length));
        Assert.Equal(ReceiverReport(0x3333), atPhone.Buffer[..length]);
        Assert.Equal(0, relay.Caller.AuthenticationFailures);
        Assert.Equal(0, relay.Caller.Faults);
    }

    /// <summary>An RTCP receiver report (RFC 3550 §6.4.2) with one report block, from <paramref name="ssrc"/>.</summary>
    private static byte[] ReceiverReport(uint ssrc)
    {
        var packet = new byte[32];
        packet[0] = 0x81;
        packet[1] = 201;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), 7);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), ssrc);
        Array.Fill(packet, (byte)0x5C, 8, 24);
        return packet;
    }

    private static byte[] ProtectRtcp(SrtcpTransform sender, byte[] plain)
    {
        var buffer = new byte[plain.Length + SrtcpTransform.Overhead];
        plain.CopyTo(buffer, 0);
        Assert.True(sender.TryProtect(buffer, plain.Length, out _));
        return buffer;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(ReceiveTimeout);
        while (!condition())
        {
            await Task.Delay(5, deadline.Token);
        }
    }
}

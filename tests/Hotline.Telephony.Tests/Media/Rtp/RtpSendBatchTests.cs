using System.Net;
using System.Net.Sockets;
using Hotline.Telephony.Media.Rtp;

namespace Hotline.Telephony.Tests.Media.Rtp;

public sealed class RtpSendBatchTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Flush_DatagramsForSeveralSockets_EachArrivesFromItsSocketAndIsCounted(bool useRing)
    {
        using var batch = new RtpSendBatch(capacity: 4, slotSize: 64, useRing);
        Socket[] senders = [Bound(), Bound(), Bound()];
        Socket[] receivers = [Bound(), Bound(), Bound()];
        RtpRelayLeg[] legs = senders.Select(s => new RtpRelayLeg(RtpLegSide.Caller, s)).ToArray();
        byte[] buffer = new byte[64];

        // Seven datagrams over three sockets, interleaved, through a batch of four: one forced flush on the way.
        for (int n = 0; n < 7; n++)
        {
            int i = n % 3;
            buffer[0] = (byte)n;
            batch.Stage(legs[i], senders[i], buffer.AsSpan(0, 10 + n), receivers[i].LocalEndPoint!.Serialize());
            buffer[0] = 0xFF; // staging copied the datagram: reusing the buffer does not change what is sent
        }

        batch.Flush();

        for (int i = 0; i < 3; i++)
        {
            foreach (int n in Enumerable.Range(0, 7).Where(n => n % 3 == i))
            {
                var from = new IPEndPoint(IPAddress.Any, 0);
                byte[] received = new byte[64];
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                SocketReceiveFromResult result = await receivers[i].ReceiveFromAsync(received, from, timeout.Token);
                Assert.Equal(10 + n, result.ReceivedBytes);
                Assert.Equal(n, received[0]);
                Assert.Equal(senders[i].LocalEndPoint, result.RemoteEndPoint);
            }

            Assert.Equal(i == 0 ? 3 : 2, legs[i].Forwarded);
            Assert.Equal(0, legs[i].Undeliverable);
        }

        foreach (Socket socket in senders.Concat(receivers))
        {
            socket.Dispose();
        }
    }

    [Fact]
    public void Stage_ClosedSocketOrOversizedDatagram_CountedUndeliverable()
    {
        using var batch = new RtpSendBatch(capacity: 4, slotSize: 16, useRing: true);
        using Socket receiver = Bound();
        Socket closed = Bound();
        var leg = new RtpRelayLeg(RtpLegSide.Agent, closed);
        closed.Dispose();

        batch.Stage(leg, closed, new byte[8], receiver.LocalEndPoint!.Serialize());
        using Socket open = Bound();
        batch.Stage(leg, open, new byte[17], receiver.LocalEndPoint!.Serialize());
        batch.Flush();

        Assert.Equal(2, leg.Undeliverable);
        Assert.Equal(0, leg.Forwarded);
    }

    private static Socket Bound()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }
}

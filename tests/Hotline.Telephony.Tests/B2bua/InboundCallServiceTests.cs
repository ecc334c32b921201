using System.Net;
using Hotline.Telephony.B2bua;
using Hotline.Telephony.Media;
using Hotline.Telephony.Media.Rtp;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transactions;
using Hotline.Telephony.Tests.Sip.Syntax;
using Hotline.Telephony.Tests.Sip.Transactions;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hotline.Telephony.Tests.B2bua;

/// <summary>The UAS call on a fake clock: 2xx retransmission until ACK (RFC 3261 §13.3.1.4) and the BYE when none comes.</summary>
public sealed class InboundCallServiceTests
{
    private static SipRequest Invite(string sdp = "v=0\r\no=- 1 1 IN IP4 192.0.2.7\r\ns=-\r\nc=IN IP4 192.0.2.7\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n") =>
        (SipRequest)SipText.ParseDatagram($"""
            INVITE sip:12345@hotline.local SIP/2.0
            Via: SIP/2.0/UDP 192.0.2.7:5070;branch=z9hG4bKcall1
            Max-Forwards: 70
            To: <sip:12345@hotline.local>
            From: <sip:13800138000@192.0.2.7>;tag=caller1
            Call-ID: call-1
            CSeq: 1 INVITE
            Contact: <sip:13800138000@192.0.2.7:5070>
            Content-Type: application/sdp
            Content-Length: {sdp.Length}

            {sdp}
            """);

    private static (TransactionFixture Fixture, InboundCallService Service) Start()
    {
        var f = new TransactionFixture();
        var ports = new RtpPortAllocator(new MediaOptions { PortMin = 31000, PortMax = 31099, BindAddress = "127.0.0.1" });
        var service = new InboundCallService(f.Layer, ports, _ => new IPEndPoint(IPAddress.Loopback, 5060), f.Time, SipTimers.Default, NullLogger.Instance);
        return (f, service);
    }

    [Fact]
    public async Task Accept_NoAck_OkRetransmittedThenByeAfter64T1()
    {
        var (f, service) = Start();
        await f.Receive(Invite());

        service.Accept(f.User.Requests[0]);
        Assert.Equal(1, f.Sender.CountResponses(180));
        Assert.Equal(1, f.Sender.CountResponses(200));
        f.Advance(31.9);

        // 0.5, 1.5, 3.5, 7.5, then every 4 s to 31.5: ten retransmissions.
        Assert.Equal(11, f.Sender.CountResponses(200));
        Assert.Equal(0, f.Sender.CountRequests("BYE"));
        f.Advance(0.1);
        Assert.Equal(1, f.Sender.CountRequests("BYE"));
        Assert.Empty(service.Calls);
    }

    [Fact]
    public async Task Accept_AckArrives_RetransmissionStopsAndCallConfirmed()
    {
        var (f, service) = Start();
        await f.Receive(Invite());
        service.Accept(f.User.Requests[0]);
        var ok = (SipResponse)f.Sender.Sent.Last().Message;
        var ack = SipRequest.Create("ACK", SipUri.Parse("sip:hotline@127.0.0.1:5060"), ok.Headers
            .Set("Via", "SIP/2.0/UDP 192.0.2.7:5070;branch=z9hG4bKack1").Set("CSeq", "1 ACK").Without("Content-Type"));

        f.Advance(0.5);
        Assert.True(service.TryHandleAck(ack));
        f.Advance(30);

        Assert.Equal(2, f.Sender.CountResponses(200));
        Assert.Equal(CallState.Confirmed, Assert.Single(service.Calls).State);
        Assert.Contains("m=audio", System.Text.Encoding.UTF8.GetString(ok.Body.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accept_OfferWithoutG711_488AndNoCall()
    {
        var (f, service) = Start();
        await f.Receive(Invite("v=0\r\no=- 1 1 IN IP4 192.0.2.7\r\ns=-\r\nc=IN IP4 192.0.2.7\r\nt=0 0\r\nm=audio 40000 RTP/AVP 18\r\na=rtpmap:18 G729/8000\r\n"));

        service.Accept(f.User.Requests[0]);

        var refusal = (SipResponse)f.Sender.Sent.Last().Message;
        Assert.Equal(488, refusal.StatusCode);
        Assert.StartsWith("305 ", refusal.Headers["Warning"], StringComparison.Ordinal);
        Assert.Empty(service.Calls);
    }

    [Fact]
    public async Task Accept_G729FirstAndVideo_AnswersFirstG711WithEventsAndRefusesVideo()
    {
        var (f, service) = Start();
        await f.Receive(Invite("v=0\r\no=- 1 1 IN IP4 192.0.2.7\r\ns=-\r\nc=IN IP4 192.0.2.7\r\nt=0 0\r\n"
            + "m=audio 40000 RTP/AVP 18 0 8 101\r\na=rtpmap:18 G729/8000\r\na=rtpmap:101 telephone-event/8000\r\n"
            + "m=video 40002 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n"));

        service.Accept(f.User.Requests[0]);

        var ok = (SipResponse)f.Sender.Sent.Last().Message;
        var answer = System.Text.Encoding.UTF8.GetString(ok.Body.Span);
        Assert.Equal(200, ok.StatusCode);
        Assert.Contains(" RTP/AVP 0 101\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("m=video 0 RTP/AVP 96\r\n", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accept_UnreadableSdp_400AndNoCall()
    {
        var (f, service) = Start();
        await f.Receive(Invite("garbage\r\n"));

        service.Accept(f.User.Requests[0]);

        Assert.Equal(1, f.Sender.CountResponses(400));
        Assert.Empty(service.Calls);
    }
}

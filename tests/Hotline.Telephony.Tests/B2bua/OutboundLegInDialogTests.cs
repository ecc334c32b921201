using System.Net;
using System.Text;
using Hotline.Telephony.B2bua;
using Hotline.Telephony.Sip.Syntax;

namespace Hotline.Telephony.Tests.B2bua;

/// <summary>A connected leg: the called party's BYE, INFO, REFER and re-INVITE, and our hold (RFC 3261 §12.2, §14; RFC 3515; RFC 6086).</summary>
public sealed class OutboundLegInDialogTests
{
    private static async Task<OutboundLegHarness> ConnectedAsync()
    {
        var h = new OutboundLegHarness();
        Assert.Equal(OutboundLegOutcome.Answered, (await h.AnswerAsync()).Outcome);
        return h;
    }

    [Fact]
    public async Task Bye_FromCalledParty_200AndRemoteEndedAndLaterRequests481()
    {
        var h = await ConnectedAsync();
        var ended = new List<string>();
        h.Leg.RemoteEnded += (_, reason) => ended.Add(reason);

        await h.PeerRequestAsync("BYE");

        Assert.Equal(200, h.LastResponse().StatusCode);
        Assert.Equal(["called party hung up"], ended);
        Assert.Equal(OutboundLegState.Ended, h.Leg.State);
        Assert.Empty(h.Service.Legs);
        await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => h.PeerRequestAsync("INFO"));
    }

    [Fact]
    public async Task Info_DtmfRelay_200AndDigit()
    {
        var h = await ConnectedAsync();
        var digits = new List<char>();
        h.Leg.Digit += (_, digit) => digits.Add(digit);

        await h.PeerRequestAsync("INFO", "application/dtmf-relay", "Signal=5\r\nDuration=160\r\n");
        await h.PeerRequestAsync("INFO", "application/dtmf", "#");

        Assert.Equal(['5', '#'], digits);
        Assert.Equal(200, h.LastResponse().StatusCode);
    }

    [Theory]
    [InlineData("text/plain", "hello", 415)]
    [InlineData("application/dtmf-relay", "Signal=X", 400)]
    [InlineData(null, null, 200)]
    public async Task Info_OtherBodies_AnsweredWithoutDigit(string? contentType, string? body, int status)
    {
        var h = await ConnectedAsync();
        var digits = 0;
        h.Leg.Digit += (_, _) => digits++;

        await h.PeerRequestAsync("INFO", contentType, body);

        Assert.Equal(status, h.LastResponse().StatusCode);
        Assert.Equal(0, digits);
    }

    [Fact]
    public async Task Info_OutOfOrderCSeq_500()
    {
        var h = await ConnectedAsync();
        await h.PeerRequestAsync("INFO");
        h.PeerCSeq = 50;

        await h.PeerRequestAsync("INFO");

        Assert.Equal(500, h.LastResponse().StatusCode);
    }

    [Fact]
    public async Task Refer_Accepted_202ThenNotifyTryingThenFinal()
    {
        var h = await ConnectedAsync();
        string? referredTo = null;
        h.Leg.TransferRequested = (_, uri) =>
        {
            referredTo = uri;
            return true;
        };

        await h.PeerRequestAsync("REFER", extra: ("Refer-To", "<sip:1002@hotline.local>"));
        Assert.Equal(202, h.LastResponse().StatusCode);
        await OutboundLegHarness.WaitUntilAsync(() => h.Sent("NOTIFY").Count == 1, "NOTIFY 100");
        await h.Leg.NotifyTransferOutcomeAsync(200);

        Assert.Equal("sip:1002@hotline.local", referredTo);
        var notifies = h.Sent("NOTIFY");
        Assert.Equal(2, notifies.Count);
        Assert.Equal("SIP/2.0 100 Trying\r\n", Encoding.UTF8.GetString(notifies[0].Body.Span));
        Assert.Equal("active;expires=60", notifies[0].Headers["Subscription-State"]);
        Assert.Equal("SIP/2.0 200 OK\r\n", Encoding.UTF8.GetString(notifies[1].Body.Span));
        Assert.StartsWith("terminated", notifies[1].Headers["Subscription-State"], StringComparison.Ordinal);
        Assert.All(notifies, n => Assert.Equal("refer", n.Headers["Event"]));
        Assert.All(notifies, n => Assert.Equal("message/sipfrag;version=2.0", n.ContentType));
        Assert.True(notifies[1].CSeq.Number > notifies[0].CSeq.Number);
    }

    [Fact]
    public async Task Refer_OutcomeReportedInsideHook_SentAfterTrying()
    {
        var h = await ConnectedAsync();
        h.Leg.TransferRequested = (leg, referTo) =>
        {
            _ = leg.NotifyTransferOutcomeAsync(486);
            return true;
        };

        await h.PeerRequestAsync("REFER", extra: ("Refer-To", "<sip:1002@hotline.local>"));
        await OutboundLegHarness.WaitUntilAsync(() => h.Sent("NOTIFY").Count == 2, "both NOTIFYs");

        var bodies = h.Sent("NOTIFY").Select(n => Encoding.UTF8.GetString(n.Body.Span)).ToList();
        Assert.Equal(["SIP/2.0 100 Trying\r\n", "SIP/2.0 486 Busy Here\r\n"], bodies);
    }

    [Fact]
    public async Task Refer_DeclinedOrWithoutHook_603()
    {
        var h = await ConnectedAsync();

        await h.PeerRequestAsync("REFER", extra: ("Refer-To", "<sip:1002@hotline.local>"));

        Assert.Equal(603, h.LastResponse().StatusCode);
        Assert.Empty(h.Sent("NOTIFY"));
    }

    [Fact]
    public async Task Refer_WithoutReferTo_400()
    {
        var h = await ConnectedAsync();
        var asked = false;
        h.Leg.TransferRequested = (_, _) => asked = true;

        await h.PeerRequestAsync("REFER");

        Assert.Equal(400, h.LastResponse().StatusCode);
        Assert.False(asked);
    }

    [Fact]
    public async Task SetHold_AcceptedThenResumed_SendonlyThenSendrecvWithVersionBumps()
    {
        var h = await ConnectedAsync();
        var firstVersion = OriginVersion(h.Invite);

        var holding = h.Leg.SetHoldAsync(true);
        var hold = Assert.Single(h.Sent("INVITE").Skip(1));
        await h.Receive(OutboundLegHarness.Respond(hold, 200, OutboundLegHarness.AnswerSdp.Replace("a=fmtp:101 0-16", "a=fmtp:101 0-16\r\na=recvonly", StringComparison.Ordinal)));
        Assert.True(await holding.WaitAsync(TimeSpan.FromSeconds(20)));
        await h.Receive(OutboundLegHarness.Respond(hold, 200, OutboundLegHarness.AnswerSdp));
        var resuming = h.Leg.SetHoldAsync(false);
        var resume = h.Sent("INVITE")[2];
        await h.Receive(OutboundLegHarness.Respond(resume, 200, OutboundLegHarness.AnswerSdp));

        Assert.True(await resuming.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Contains("a=sendonly", Encoding.UTF8.GetString(hold.Body.Span), StringComparison.Ordinal);
        Assert.Contains("a=sendrecv", Encoding.UTF8.GetString(resume.Body.Span), StringComparison.Ordinal);
        Assert.Equal(firstVersion + 1, OriginVersion(hold));
        Assert.Equal(firstVersion + 2, OriginVersion(resume));
        Assert.Equal(OutboundLegHarness.AgentTag, hold.To.Tag);
        // One ACK for the INVITE, two for the hold's 2xx (sent and retransmitted), one for the resume.
        var acks = h.Sent("ACK");
        Assert.Equal(4, acks.Count);
        Assert.Equal(hold.CSeq.Number, acks[2].CSeq.Number);
    }

    [Fact]
    public async Task SetHold_Refused_FalseAndStillConnected()
    {
        var h = await ConnectedAsync();

        var holding = h.Leg.SetHoldAsync(true);
        await h.Receive(OutboundLegHarness.Respond(h.Sent("INVITE")[1], 488));

        Assert.False(await holding.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(OutboundLegState.Connected, h.Leg.State);
    }

    [Fact]
    public async Task SetHold_Answered481_SessionEndsWithRemoteEnded()
    {
        var h = await ConnectedAsync();
        var ended = new List<string>();
        h.Leg.RemoteEnded += (_, reason) => ended.Add(reason);

        var holding = h.Leg.SetHoldAsync(true);
        await h.Receive(OutboundLegHarness.Respond(h.Sent("INVITE")[1], 481));

        Assert.False(await holding.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Single(ended);
        Assert.Equal(OutboundLegState.Ended, h.Leg.State);
        Assert.Empty(h.Sent("BYE"));
    }

    [Fact]
    public async Task Reinvite_FromCalledPartyWithNewAddress_AnsweredMediaChangedAndOkRetransmittedUntilAck()
    {
        var h = await ConnectedAsync();
        var changes = new List<NegotiatedMedia>();
        h.Leg.MediaChanged += (_, media) => changes.Add(media);
        var moved = OutboundLegHarness.AnswerSdp.Replace("192.0.2.7", "192.0.2.9", StringComparison.Ordinal).Replace("o=agent 7 7", "o=agent 7 8", StringComparison.Ordinal);

        var reinvite = await h.PeerRequestAsync("INVITE", "application/sdp", moved);
        var ok = h.LastResponse();
        h.Fixture.Advance(0.5);
        var ack = SipRequest.Create("ACK", SipUri.Parse("sip:hotline@127.0.0.1:5060"), reinvite.Request.Headers
            .Set("Via", "SIP/2.0/UDP 192.0.2.7:5070;branch=z9hG4bKpeerack").Set("CSeq", reinvite.Request.CSeq.Number + " ACK").Without("Content-Type"));
        Assert.True(h.Service.TryHandleAck(ack));
        h.Fixture.Advance(10);

        Assert.Equal(200, ok.StatusCode);
        var answer = Encoding.UTF8.GetString(ok.Body.Span);
        Assert.Contains("m=audio 40000 RTP/AVP 8 101\r\n", answer, StringComparison.Ordinal);
        Assert.Equal(OriginVersion(h.Invite) + 1, OriginVersion(ok));
        Assert.Equal([new NegotiatedMedia(new IPEndPoint(IPAddress.Parse("192.0.2.9"), 50000), 8, 101)], changes);
        Assert.Equal(changes[0], h.Leg.Media);
        Assert.Equal(2, h.Sender.Count(m => m is SipResponse { StatusCode: 200 } r && r.CSeq.Method == "INVITE"));
        Assert.Equal("sip:1001@192.0.2.7:5070", h.Leg.Dialog!.RemoteTarget.ToString());
    }

    [Fact]
    public async Task Reinvite_NeverAcked_ByeAndRemoteEndedAfter64T1()
    {
        var h = await ConnectedAsync();
        var ended = new List<string>();
        h.Leg.RemoteEnded += (_, reason) => ended.Add(reason);

        await h.PeerRequestAsync("INVITE", "application/sdp", OutboundLegHarness.AnswerSdp);
        h.Fixture.Advance(32);

        Assert.Single(ended);
        Assert.Single(h.Sent("BYE"));
        Assert.Empty(h.Service.Legs);
    }

    [Fact]
    public async Task Reinvite_WhileOurHoldPending_491()
    {
        var h = await ConnectedAsync();
        _ = h.Leg.SetHoldAsync(true);

        await h.PeerRequestAsync("INVITE", "application/sdp", OutboundLegHarness.AnswerSdp);

        Assert.Equal(491, h.LastResponse().StatusCode);
    }

    [Theory]
    [InlineData("OPTIONS", 200)]
    [InlineData("UPDATE", 405)]
    [InlineData("FOO", 501)]
    public async Task OtherMethods_AnsweredAsRfc3261Says(string method, int status)
    {
        var h = await ConnectedAsync();

        await h.PeerRequestAsync(method);

        Assert.Equal(status, h.LastResponse().StatusCode);
        Assert.Equal(OutboundLegState.Connected, h.Leg.State);
    }

    private static ulong OriginVersion(SipMessage message)
    {
        var origin = Encoding.UTF8.GetString(message.Body.Span).Split("\r\n").Single(l => l.StartsWith("o=", StringComparison.Ordinal));
        return ulong.Parse(origin.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
    }
}

using System.Net;
using System.Text;
using Hotline.Telephony.B2bua;
using Hotline.Telephony.Sip.Transactions;
using Hotline.Telephony.Tests.Sip.Transactions;

namespace Hotline.Telephony.Tests.B2bua;

/// <summary>The INVITE of an outgoing leg on a fake clock: answer and ACK, failures, ring timeout and CANCEL (RFC 3261 §13.2, §9.1).</summary>
public sealed class OutboundLegInviteTests
{
    [Fact]
    public void Start_Invite_CarriesOfferAndUacHeaders()
    {
        var h = new OutboundLegHarness();

        var invite = h.Invite;
        var sdp = Encoding.UTF8.GetString(invite.Body.Span);
        Assert.Equal("sip:1001@192.0.2.7:5070;transport=udp", invite.RequestUri.ToString());
        Assert.Equal("\"Citizen\" <sip:13800138000@hotline.local>", invite.Headers["From"]!.Split(';')[0]);
        Assert.NotNull(invite.From.Tag);
        Assert.Null(invite.To.Tag);
        Assert.Equal("sip:1001@hotline.local", invite.To.Uri.ToString());
        Assert.Equal(70, invite.MaxForwards);
        Assert.Equal("<sip:hotline@127.0.0.1:5060;transport=udp>", invite.Headers["Contact"]);
        Assert.Contains("REFER", invite.Headers["Allow"], StringComparison.Ordinal);
        Assert.Equal("application/sdp", invite.ContentType);
        Assert.Contains("m=audio 40000 RTP/AVP 0 8 101\r\n", sdp, StringComparison.Ordinal);
        Assert.Contains("a=fmtp:101 0-16\r\n", sdp, StringComparison.Ordinal);
        Assert.Contains("a=ptime:20\r\na=sendrecv\r\n", sdp, StringComparison.Ordinal);
        Assert.Contains("c=IN IP4 127.0.0.1\r\n", sdp, StringComparison.Ordinal);
        Assert.Equal(OutboundLegState.Calling, h.Leg.State);
        Assert.Same(h.Leg, Assert.Single(h.Service.Legs));
    }

    [Fact]
    public async Task Answer_200WithPcma_AckedToContactThenRetransmitted200AckedAgain()
    {
        var h = new OutboundLegHarness();
        var rang = 0;
        h.Leg.Ringing += _ => rang++;

        var result = await h.AnswerAsync();

        Assert.Equal(1, rang);
        Assert.Equal(OutboundLegOutcome.Answered, result.Outcome);
        Assert.Equal(new NegotiatedMedia(new IPEndPoint(IPAddress.Parse("192.0.2.7"), 50000), 8, 101), result.Media);
        Assert.Equal(OutboundLegState.Connected, h.Leg.State);
        var ack = Assert.Single(h.Sent("ACK"));
        Assert.Equal("sip:1001@192.0.2.7:5070", ack.RequestUri.ToString());
        Assert.Equal(h.Invite.CSeq.Number, ack.CSeq.Number);
        Assert.NotEqual(h.Invite.TopVia.Branch, ack.TopVia.Branch);
        Assert.Equal(OutboundLegHarness.AgentTag, ack.To.Tag);
        Assert.True(ack.Body.IsEmpty);

        await h.Receive(OutboundLegHarness.Respond(h.Invite, 200, OutboundLegHarness.AnswerSdp));

        Assert.Equal(2, h.Sent("ACK").Count);
        h.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task Answer_NoCommonCodec_AckThenByeRejected488()
    {
        var h = new OutboundLegHarness();

        var result = await h.AnswerAsync(OutboundLegHarness.AnswerSdp.Replace("RTP/AVP 8 101", "RTP/AVP 18", StringComparison.Ordinal).Replace("PCMA", "G729", StringComparison.Ordinal).Replace(":8 ", ":18 ", StringComparison.Ordinal));

        Assert.Equal(OutboundLegOutcome.Rejected, result.Outcome);
        Assert.Equal(488, result.StatusCode);
        Assert.Single(h.Sent("ACK"));
        await OutboundLegHarness.WaitUntilAsync(() => h.Sent("BYE").Count == 1, "BYE");
        Assert.Empty(h.Service.Legs);
    }

    [Fact]
    public async Task Busy_486_RejectedAndAckedByTransaction()
    {
        var h = new OutboundLegHarness();

        await h.Receive(OutboundLegHarness.Respond(h.Invite, 486));
        var result = await h.CompletionAsync();

        Assert.Equal(OutboundLegOutcome.Rejected, result.Outcome);
        Assert.Equal(486, result.StatusCode);
        Assert.Equal("Busy Here", result.Reason);
        Assert.Equal(h.Invite.TopVia.Branch, Assert.Single(h.Sent("ACK")).TopVia.Branch);
        Assert.Equal(OutboundLegState.Ended, h.Leg.State);
        Assert.Empty(h.Service.Legs);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(503)]
    public async Task Final_408Or503_Unreachable(int status)
    {
        var h = new OutboundLegHarness();

        await h.Receive(OutboundLegHarness.Respond(h.Invite, status));

        Assert.Equal(OutboundLegOutcome.Unreachable, (await h.CompletionAsync()).Outcome);
    }

    [Fact]
    public async Task NoResponse_TimerB_UnreachableAfter64T1()
    {
        var h = new OutboundLegHarness(ringTimeout: TimeSpan.Zero);

        h.Fixture.Advance(31.9);
        Assert.False(h.Leg.Completion.IsCompleted);
        h.Fixture.Advance(0.1);
        var result = await h.CompletionAsync();

        Assert.Equal(OutboundLegOutcome.Unreachable, result.Outcome);
        Assert.Equal(408, result.StatusCode);
        Assert.Empty(h.Sent("CANCEL"));
    }

    [Fact]
    public async Task TransportFails_Unreachable503()
    {
        var f = new TransactionFixture();
        f.Sender.Fail = true;
        var service = new OutboundLegService(f.Layer, _ => new IPEndPoint(IPAddress.Loopback, 5060), f.Time, SipTimers.Default, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        var leg = service.Start(new OutboundLegRequest(
            Hotline.Telephony.Sip.Syntax.SipUri.Parse("sip:1001@192.0.2.7:5070"), TransactionFixture.Tcp, "", null, "sip:1001@hotline.local",
            new IPEndPoint(IPAddress.Loopback, 40000), TimeSpan.FromSeconds(20)));
        var result = await leg.Completion.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(OutboundLegOutcome.Unreachable, result.Outcome);
        Assert.Equal(503, result.StatusCode);
        Assert.Empty(service.Legs);
    }

    [Fact]
    public async Task RingTimeout_CancelSentThen487_Timeout()
    {
        var h = new OutboundLegHarness(ringTimeout: TimeSpan.FromSeconds(15));
        await h.Receive(OutboundLegHarness.Respond(h.Invite, 180));

        h.Fixture.Advance(14.9);
        Assert.Empty(h.Sent("CANCEL"));
        h.Fixture.Advance(0.1);
        var cancel = Assert.Single(h.Sent("CANCEL"));
        await h.Receive(OutboundLegHarness.Respond(cancel, 200));
        await h.Receive(OutboundLegHarness.Respond(h.Invite, 487));
        var result = await h.CompletionAsync();

        Assert.Equal(h.Invite.TopVia.ToString(), cancel.TopVia.ToString());
        Assert.Equal(h.Invite.CSeq.Number, cancel.CSeq.Number);
        Assert.Null(cancel.To.Tag);
        Assert.Equal(OutboundLegOutcome.Timeout, result.Outcome);
        Assert.Equal(487, result.StatusCode);
        Assert.Single(h.Sent("ACK"));
        Assert.Empty(h.Service.Legs);
    }

    [Fact]
    public async Task Cancel_BeforeAnyProvisional_WaitsForOneThenSendsCancel()
    {
        var h = new OutboundLegHarness();

        var cancelling = h.Leg.CancelAsync();
        Assert.Empty(h.Sent("CANCEL"));
        await h.Receive(OutboundLegHarness.Respond(h.Invite, 100));
        Assert.Single(h.Sent("CANCEL"));
        await h.Receive(OutboundLegHarness.Respond(h.Invite, 487));
        await cancelling.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(OutboundLegOutcome.Cancelled, (await h.CompletionAsync()).Outcome);
    }

    [Fact]
    public async Task Cancel_200CrossesCancel_AckedThenByeCancelled()
    {
        var h = new OutboundLegHarness();
        await h.Receive(OutboundLegHarness.Respond(h.Invite, 180));

        var cancelling = h.Leg.CancelAsync();
        var cancel = Assert.Single(h.Sent("CANCEL"));
        await h.Receive(OutboundLegHarness.Respond(h.Invite, 200, OutboundLegHarness.AnswerSdp));
        await h.Receive(OutboundLegHarness.Respond(cancel, 481));
        await cancelling.WaitAsync(TimeSpan.FromSeconds(20));
        var result = await h.CompletionAsync();

        Assert.Equal(OutboundLegOutcome.Cancelled, result.Outcome);
        Assert.Single(h.Sent("ACK"));
        await OutboundLegHarness.WaitUntilAsync(() => h.Sent("BYE").Count == 1, "BYE");
        Assert.Equal(OutboundLegHarness.AgentTag, h.Sent("BYE")[0].To.Tag);
        Assert.Empty(h.Service.Legs);
    }

    [Fact]
    public async Task Cancel_PeerNeverAnswersTheCancel_GivesUpAfter64T1()
    {
        var h = new OutboundLegHarness();
        await h.Receive(OutboundLegHarness.Respond(h.Invite, 180));
        _ = h.Leg.CancelAsync();

        h.Fixture.Advance(32);
        var result = await h.CompletionAsync();

        Assert.Equal(OutboundLegOutcome.Cancelled, result.Outcome);
        Assert.Empty(h.Service.Legs);
    }

    [Fact]
    public async Task HangUp_Connected_ByeInDialog()
    {
        var h = new OutboundLegHarness();
        await h.AnswerAsync();

        var hangingUp = h.Leg.HangUpAsync("agent released");
        var bye = Assert.Single(h.Sent("BYE"));
        await h.Receive(OutboundLegHarness.Respond(bye, 200));
        await hangingUp.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(h.Invite.CSeq.Number + 1, bye.CSeq.Number);
        Assert.Equal("sip:1001@192.0.2.7:5070", bye.RequestUri.ToString());
        Assert.Equal(OutboundLegState.Ended, h.Leg.State);
        Assert.Empty(h.Service.Legs);
    }

    [Fact]
    public async Task Forked2xx_SecondDialogAckedAndEnded()
    {
        var h = new OutboundLegHarness();
        await h.AnswerAsync();

        await h.Receive(OutboundLegHarness.Respond(h.Invite, 200, OutboundLegHarness.AnswerSdp, toTag: "other-fork"));

        Assert.Equal(2, h.Sent("ACK").Count);
        await OutboundLegHarness.WaitUntilAsync(() => h.Sent("BYE").Count == 1, "BYE to the second fork");
        Assert.Equal("other-fork", h.Sent("BYE")[0].To.Tag);
        Assert.Equal(OutboundLegState.Connected, h.Leg.State);
    }
}

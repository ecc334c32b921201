using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transactions;

namespace Hotline.Telephony.Tests.Sip.Transactions;

public sealed class ClientTransactionTests
{
    [Fact]
    public async Task NonInvite_NoAnswerOverUdp_TimerEDoublesToT2ThenTimerFTimesOut()
    {
        var f = new TransactionFixture();
        var result = f.Layer.SendRequestAsync(TransactionFixture.Request("OPTIONS"), TransactionFixture.Udp);

        // Sends at 0, then after 0.5, 1, 2, 4, 4, 4 … seconds (§17.1.2.2).
        var expected = new[] { (0.5, 2), (1.0, 3), (2.0, 4), (4.0, 5), (4.0, 6), (4.0, 7) };
        foreach (var (step, total) in expected)
        {
            f.Advance(step - 0.001);
            Assert.Equal(total - 1, f.Sender.CountRequests("OPTIONS"));
            f.Advance(0.001);
            Assert.Equal(total, f.Sender.CountRequests("OPTIONS"));
        }
        Assert.False(result.IsCompleted);

        f.Advance(32 - 15.5);

        Assert.Equal(SipClientFailure.Timeout, (await result).Failure);
        Assert.Equal(408, (await result).StatusCode);
        Assert.Equal(0, f.Layer.ClientTransactionCount);
        Assert.Equal(0, f.Time.ActiveTimerCount);
    }

    [Fact]
    public async Task NonInvite_ProvisionalThenFinal_RetransmitsAtT2AbsorbsDuplicatesThenTimerK()
    {
        var f = new TransactionFixture();
        var request = TransactionFixture.Request("OPTIONS");
        var provisional = new List<SipResponse>();
        var result = f.Layer.SendRequestAsync(request, TransactionFixture.Udp, provisional.Add);

        await f.Receive(TransactionFixture.ResponseTo(request, 180));
        f.Advance(4);
        Assert.Equal(2, f.Sender.CountRequests("OPTIONS"));
        await f.Receive(TransactionFixture.ResponseTo(request, 200));
        await f.Receive(TransactionFixture.ResponseTo(request, 200));

        Assert.Single(provisional);
        Assert.Equal(200, (await result).StatusCode);
        Assert.Equal(1, f.Layer.ClientTransactionCount);
        f.Advance(4.999);
        Assert.Equal(1, f.Layer.ClientTransactionCount);
        f.Advance(0.001);
        Assert.Equal(0, f.Layer.ClientTransactionCount);
        Assert.Equal(2, f.Sender.CountRequests("OPTIONS"));
    }

    [Fact]
    public async Task NonInvite_OverTcp_NoRetransmissionAndEndsOnFinal()
    {
        var f = new TransactionFixture();
        var request = TransactionFixture.Request("OPTIONS");
        var result = f.Layer.SendRequestAsync(request, TransactionFixture.Tcp);

        f.Advance(20);
        await f.Receive(TransactionFixture.ResponseTo(request, 200), Hotline.Telephony.Sip.Transport.SipTransportKind.Tcp);

        Assert.Equal(1, f.Sender.CountRequests("OPTIONS"));
        Assert.Equal(200, (await result).StatusCode);
        Assert.Equal(0, f.Layer.ClientTransactionCount);
    }

    [Fact]
    public async Task NonInvite_TransportFails_ReportsTransportError()
    {
        var f = new TransactionFixture();
        f.Sender.Fail = true;

        var result = await f.Layer.SendRequestAsync(TransactionFixture.Request("OPTIONS"), TransactionFixture.Tcp);

        Assert.Equal(SipClientFailure.TransportError, result.Failure);
        Assert.Equal(503, result.StatusCode);
        Assert.Equal(0, f.Layer.ClientTransactionCount);
    }

    [Fact]
    public async Task Invite_NoAnswerOverUdp_TimerADoublesAndTimerBTimesOutAt64T1()
    {
        var f = new TransactionFixture();
        var result = f.Layer.SendRequestAsync(TransactionFixture.Request("INVITE"), TransactionFixture.Udp);

        f.Advance(31.4);

        // 0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5: six sends before 31.5 s (§17.1.1.2).
        Assert.Equal(6, f.Sender.CountRequests("INVITE"));
        f.Advance(0.6);
        Assert.Equal(SipClientFailure.Timeout, (await result).Failure);
    }

    [Fact]
    public async Task Invite_BusyResponse_AckSentWithSameBranchAndResentForRetransmittedFinal()
    {
        var f = new TransactionFixture();
        var invite = TransactionFixture.Request("INVITE");
        var result = f.Layer.SendRequestAsync(invite, TransactionFixture.Udp);
        var busy = TransactionFixture.ResponseTo(invite, 486);

        await f.Receive(busy);
        await f.Receive(busy);

        Assert.Equal(486, (await result).StatusCode);
        var acks = f.Sender.Sent.Select(s => s.Message).OfType<SipRequest>().Where(r => r.Method == "ACK").ToList();
        Assert.Equal(2, acks.Count);
        Assert.Equal(invite.TopVia.Branch, acks[0].TopVia.Branch);
        Assert.Equal("t9", acks[0].To.Tag);
        Assert.Equal(new CSeqHeader(7, "ACK"), acks[0].CSeq);
        f.Advance(32);
        Assert.Equal(0, f.Layer.ClientTransactionCount);
    }

    [Fact]
    public async Task Invite_Ok_AcceptedPassesLater2xxUpAndEndsAfterTimerM()
    {
        var f = new TransactionFixture();
        var invite = TransactionFixture.Request("INVITE");
        var extra = new List<SipResponse>();
        var result = f.Layer.SendRequestAsync(invite, TransactionFixture.Udp, onAdditional2xx: extra.Add);

        await f.Receive(TransactionFixture.ResponseTo(invite, 100));
        f.Advance(10);
        await f.Receive(TransactionFixture.ResponseTo(invite, 200));
        await f.Receive(TransactionFixture.ResponseTo(invite, 200));

        Assert.Equal(1, f.Sender.CountRequests("INVITE"));
        Assert.Equal(200, (await result).StatusCode);
        Assert.Single(extra);
        Assert.Equal(0, f.Sender.CountRequests("ACK"));
        f.Advance(32);
        Assert.Equal(0, f.Layer.ClientTransactionCount);
    }

    [Fact]
    public async Task Response_OtherBranch_MatchesNothing()
    {
        var f = new TransactionFixture();
        var request = TransactionFixture.Request("OPTIONS");
        var result = f.Layer.SendRequestAsync(request, TransactionFixture.Udp);

        await f.Receive(TransactionFixture.ResponseTo(TransactionFixture.Request("OPTIONS", "z9hG4bKother"), 200));

        Assert.False(result.IsCompleted);
    }
}

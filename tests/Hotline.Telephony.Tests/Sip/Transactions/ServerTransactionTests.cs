using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transactions;

namespace Hotline.Telephony.Tests.Sip.Transactions;

public sealed class ServerTransactionTests
{
    [Fact]
    public async Task NonInvite_RetransmissionsAbsorbedThenAnsweredWithFinal_TimerJEnds()
    {
        var f = new TransactionFixture();
        var request = TransactionFixture.Request("REGISTER");

        await f.Receive(request);
        await f.Receive(request);
        Assert.Single(f.User.Requests);
        Assert.Empty(f.Sender.Sent);

        f.User.Requests[0].Respond(TransactionFixture.ResponseTo(request, 200));
        await f.Receive(request);
        Assert.Equal(2, f.Sender.CountResponses(200));
        Assert.Equal(TransactionFixture.Udp, f.Sender.Sent[0].Destination);

        f.Advance(31.9);
        Assert.Equal(1, f.Layer.ServerTransactionCount);
        f.Advance(0.1);
        Assert.Equal(0, f.Layer.ServerTransactionCount);
        await f.Receive(request);
        Assert.Equal(2, f.User.Requests.Count);
    }

    [Fact]
    public async Task NonInvite_OverTcp_TerminatesOnFinal()
    {
        var f = new TransactionFixture();
        var request = TransactionFixture.Request("OPTIONS");

        await f.Receive(request, Hotline.Telephony.Sip.Transport.SipTransportKind.Tcp);
        f.User.Requests[0].Respond(TransactionFixture.ResponseTo(request, 200));

        Assert.Equal(0, f.Layer.ServerTransactionCount);
    }

    [Fact]
    public async Task NonInvite_SameBranchOtherSentBy_IsAnotherTransaction()
    {
        var f = new TransactionFixture();

        await f.Receive(TransactionFixture.Request("OPTIONS"));
        await f.Receive(TransactionFixture.Request("OPTIONS", sentBy: "192.0.2.99:5070"));

        Assert.Equal(2, f.User.Requests.Count);
    }

    [Fact]
    public async Task NonInvite_UserThrows_Answered500()
    {
        var f = new TransactionFixture();
        f.User.Throw = true;

        await f.Receive(TransactionFixture.Request("OPTIONS"));

        Assert.Equal(1, f.Sender.CountResponses(500));
    }

    [Fact]
    public async Task Invite_Busy_TryingThenTimerGRetransmitsUntilAckThenTimerI()
    {
        var f = new TransactionFixture();
        var invite = TransactionFixture.Request("INVITE");

        await f.Receive(invite);
        Assert.Equal(1, f.Sender.CountResponses(100));
        await f.Receive(invite);
        Assert.Equal(2, f.Sender.CountResponses(100));

        f.User.Requests[0].Respond(TransactionFixture.ResponseTo(invite, 486));
        f.Advance(0.5);
        f.Advance(1);
        f.Advance(2);
        Assert.Equal(4, f.Sender.CountResponses(486));

        await f.Receive(TransactionFixture.Request("ACK"));
        f.Advance(4);
        Assert.Equal(4, f.Sender.CountResponses(486));
        Assert.Equal(SipTransactionState.Confirmed, f.User.Requests[0].State);
        f.Advance(1);
        Assert.Equal(SipTransactionState.Terminated, f.User.Requests[0].State);
        Assert.Equal(0, f.Layer.ServerTransactionCount);
        Assert.Empty(f.User.StrayAcks);
    }

    [Fact]
    public async Task Invite_FinalNeverAcked_TimerHReportsNoAck()
    {
        var f = new TransactionFixture();
        var invite = TransactionFixture.Request("INVITE");
        var unacked = new List<ISipServerTransaction>();
        f.Layer.NoAckReceived += unacked.Add;

        await f.Receive(invite);
        f.User.Requests[0].Respond(TransactionFixture.ResponseTo(invite, 480));
        f.Advance(31.9);
        Assert.Empty(unacked);
        f.Advance(0.1);

        Assert.Single(unacked);
        // G fires at 0.5, 1.5, 3.5, 7.5, then every 4 s to 31.5: ten retransmissions plus the first send.
        Assert.Equal(11, f.Sender.CountResponses(480));
    }

    [Fact]
    public async Task Invite_Ok_AcceptedAbsorbsInviteRetransmissionsAndPasses2xxAck()
    {
        var f = new TransactionFixture();
        var invite = TransactionFixture.Request("INVITE");
        await f.Receive(invite);
        var ok = TransactionFixture.ResponseTo(invite, 200);

        f.User.Requests[0].Respond(ok);
        await f.Receive(invite);
        f.User.Requests[0].Respond(ok);
        await f.Receive(TransactionFixture.Request("ACK", "z9hG4bKack2xx"));

        Assert.Equal(SipTransactionState.Accepted, f.User.Requests[0].State);
        Assert.Equal(2, f.Sender.CountResponses(200));
        Assert.Equal(1, f.Sender.CountResponses(100));
        Assert.Single(f.User.StrayAcks);
        f.Advance(32);
        Assert.Equal(0, f.Layer.ServerTransactionCount);
    }

    [Fact]
    public async Task Cancel_FindsInviteTransaction()
    {
        var f = new TransactionFixture();
        await f.Receive(TransactionFixture.Request("INVITE"));

        var found = f.Layer.FindInviteFor(TransactionFixture.Request("CANCEL"));

        Assert.Same(f.User.Requests[0], found);
    }
}

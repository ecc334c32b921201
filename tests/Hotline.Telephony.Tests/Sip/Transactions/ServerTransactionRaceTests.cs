using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transactions;
using Hotline.Telephony.Sip.Transport;
using Hotline.Telephony.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hotline.Telephony.Tests.Sip.Transactions;

/// <summary>
/// Copies of one request arriving on several receive loops at once, while the transaction they share dies
/// on a transport error (its response cannot be sent): the edge's fuzz test met this under CI load.
/// </summary>
public sealed class ServerTransactionRaceTests
{
    [Fact]
    public async Task DuplicateCopies_WhileWinnerEndsOnTransportError_NeverFault()
    {
        var sender = new RecordingSender { Fail = true };
        var layer = new SipTransactionLayer(sender, new FakeTimeProvider(), SipTimers.Default, NullLogger.Instance);
        layer.Attach(new AnsweringUser());
        var faults = 0;

        for (var round = 0; round < 10000; round++)
        {
            var request = TransactionFixture.Request("OPTIONS", branch: $"z9hG4bKrace{round}");
            var copies = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                try
                {
                    await layer.OnInboundAsync(new SipInbound(request, SipTransportKind.Udp, TransactionFixture.Peer, null, TransactionFixture.Udp));
                }
                catch (KeyNotFoundException)
                {
                    Interlocked.Increment(ref faults);
                }
            }));
            await Task.WhenAll(copies);
        }

        Assert.Equal(0, faults);
        Assert.Equal(0, layer.ServerTransactionCount);
    }

    /// <summary>Answers every request at once, as the edge does for OPTIONS.</summary>
    private sealed class AnsweringUser : ISipTransactionUser
    {
        public ValueTask OnRequestAsync(ISipServerTransaction transaction)
        {
            transaction.Respond(SipResponseBuilder.For(transaction.Request, 200).Build());
            return ValueTask.CompletedTask;
        }

        public ValueTask OnStrayAckAsync(SipInbound ack) => ValueTask.CompletedTask;
    }
}

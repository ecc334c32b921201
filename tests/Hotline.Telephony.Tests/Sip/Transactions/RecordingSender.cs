using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transport;

namespace Hotline.Telephony.Tests.Sip.Transactions;

/// <summary>
/// Stands in for the socket layer under the transaction machines so retransmissions can be counted on
/// a fake clock; the real transport is exercised by the loopback and sipp tests.
/// </summary>
internal sealed class RecordingSender : ISipSender
{
    public List<(SipMessage Message, SipDestination Destination)> Sent { get; } = [];

    public bool Fail { get; set; }

    /// <summary>Parses the wire bytes back, so the tests check what would really go out.</summary>
    public ValueTask SendAsync(ReadOnlyMemory<byte> wire, SipDestination destination, CancellationToken cancellationToken)
    {
        if (Fail)
        {
            return ValueTask.FromException(new SipTransportException("connection refused"));
        }
        var buffer = new System.Buffers.ReadOnlySequence<byte>(wire);
        Assert.Equal(SipParseStatus.Complete, new SipMessageParser().TryParseStream(ref buffer, out var message, out _));
        lock (Sent)
        {
            Sent.Add((message!, destination));
        }
        return ValueTask.CompletedTask;
    }

    public int Count(Func<SipMessage, bool> predicate)
    {
        lock (Sent)
        {
            return Sent.Count(s => predicate(s.Message));
        }
    }

    public int CountRequests(string method) => Count(m => m is SipRequest r && r.Method == method);

    public int CountResponses(int status) => Count(m => m is SipResponse r && r.StatusCode == status);
}

using Hotline.Telephony.Sip.Transactions;
using Hotline.Telephony.Sip.Transport;

namespace Hotline.Telephony.Tests.Sip.Transactions;

/// <summary>A transaction user that remembers what reached it.</summary>
internal sealed class RecordingUser : ISipTransactionUser
{
    public List<ISipServerTransaction> Requests { get; } = [];

    public List<SipInbound> StrayAcks { get; } = [];

    public bool Throw { get; set; }

    public ValueTask OnRequestAsync(ISipServerTransaction transaction)
    {
        if (Throw)
        {
            throw new InvalidOperationException("TU bug");
        }
        Requests.Add(transaction);
        return ValueTask.CompletedTask;
    }

    public ValueTask OnStrayAckAsync(SipInbound ack)
    {
        StrayAcks.Add(ack);
        return ValueTask.CompletedTask;
    }
}

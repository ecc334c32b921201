using Hotline.Telephony.Sip.Transport;

namespace Hotline.Telephony.Sip.Transactions;

/// <summary>The layer above transactions (registrar, dialogs, B2BUA): RFC 3261's "TU".</summary>
internal interface ISipTransactionUser
{
    /// <summary>A new request, already inside its server transaction.</summary>
    ValueTask OnRequestAsync(ISipServerTransaction transaction);

    /// <summary>An ACK matching no server transaction: the ACK for a 2xx, which belongs to the dialog (§17.2.3, §13.3.1.4).</summary>
    ValueTask OnStrayAckAsync(SipInbound ack);
}

namespace Hotline.Telephony.Sip.Transport;

/// <summary>
/// Sends wire bytes; throws <see cref="SipTransportException"/> when the transport fails. Transactions
/// serialise a message once and keep only the bytes for retransmission.
/// </summary>
internal interface ISipSender
{
    ValueTask SendAsync(ReadOnlyMemory<byte> wire, SipDestination destination, CancellationToken cancellationToken);
}

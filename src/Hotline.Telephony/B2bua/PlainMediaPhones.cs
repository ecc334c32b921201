using System.Collections.Concurrent;
using Hotline.Telephony.Sip.Syntax;

namespace Hotline.Telephony.B2bua;

/// <summary>
/// Phones that refused our last SRTP offer (488, or an answer without usable keys). Sip:OfferSrtp=tls offers SRTP to
/// every phone on TLS, but a phone on TLS may still be set up for plain RTP; without this it would refuse every
/// ring. Such a phone is rung with plain RTP/AVP next time; if it then refuses plain RTP (it was re-configured to
/// demand SRTP), SRTP is offered again. The downgrade is the phone's own choice over its TLS connection.
/// </summary>
internal sealed class PlainMediaPhones
{
    /// <summary>More phones than a contact centre registers; past it the memory starts again rather than grow.</summary>
    private const int Capacity = 4096;

    private readonly ConcurrentDictionary<string, byte> _phones = new(StringComparer.Ordinal);

    /// <summary>Whether an INVITE to <paramref name="target"/> offers SRTP, given what Sip:OfferSrtp decided.</summary>
    public bool OffersSrtp(bool policyOffers, SipUri target) => policyOffers && !_phones.ContainsKey(Key(target));

    /// <summary>Learns from how the phone at <paramref name="target"/> answered an offer.</summary>
    public void Observe(SipUri target, bool offeredSrtp, OutboundLegResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Outcome != OutboundLegOutcome.Rejected || result.StatusCode != 488)
        {
            return;
        }

        if (!offeredSrtp)
        {
            _phones.TryRemove(Key(target), out _);
            return;
        }

        if (_phones.Count >= Capacity)
        {
            _phones.Clear();
        }

        _phones[Key(target)] = 0;
    }

    private static string Key(SipUri target) => target.ToString();
}

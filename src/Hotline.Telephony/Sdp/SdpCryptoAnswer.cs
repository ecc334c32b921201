using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Hotline.Telephony.Media.Srtp;

namespace Hotline.Telephony.Sdp;

/// <summary>
/// The offerer's side of SDES (RFC 4568 §7.1.3, §7.1.4): reads the peer's answer to an audio stream we offered,
/// RTP/SAVP with one a=crypto of ours, or plain RTP/AVP. The answer must keep the profile (RFC 3264 §6.1) and,
/// for SRTP, accept our one crypto line by its tag with a single key of its own (§7.1.2). The rejection never
/// quotes the attribute: it carries the peer's key.
/// </summary>
internal static class SdpCryptoAnswer
{
    public static bool TryRead(
        MediaDescription offered, MediaDescription answered, out SrtpKeys? keys, [NotNullWhen(false)] out SdpRejection? rejection)
    {
        keys = null;
        rejection = null;
        if (!offered.IsSecureRtp)
        {
            if (answered.IsSecureRtp)
            {
                rejection = new SdpRejection(SdpRejectionReason.AnswerMismatch, "answered RTP/SAVP to our RTP/AVP offer");
                return false;
            }
            return true;
        }
        if (!answered.IsSecureRtp)
        {
            rejection = new SdpRejection(SdpRejectionReason.NoUsableCrypto, $"answered {answered.Protocol} to our RTP/SAVP offer");
            return false;
        }
        var lines = answered.OtherAttributes.Where(a => a.Name.Equals(SdpCrypto.AttributeName, StringComparison.OrdinalIgnoreCase)).ToList();
        if (lines.Count != 1)
        {
            rejection = new SdpRejection(SdpRejectionReason.NoUsableCrypto,
                string.Create(CultureInfo.InvariantCulture, $"an RTP/SAVP answer needs exactly one a=crypto (RFC 4568 §7.1.2), it has {lines.Count}"));
            return false;
        }
        if (lines[0].Value is not { } value || !SdpCrypto.TryParse(value, out var theirs))
        {
            rejection = new SdpRejection(SdpRejectionReason.NoUsableCrypto,
                $"the answer's a=crypto is not {SdpCrypto.Suite} with one inline 30-byte key and no MKI");
            return false;
        }
        var ours = SdpCrypto.FirstUsable(offered) ?? throw new ArgumentException("an RTP/SAVP offer of ours always has a=crypto", nameof(offered));
        if (theirs!.Tag != ours.Tag)
        {
            rejection = new SdpRejection(SdpRejectionReason.NoUsableCrypto,
                string.Create(CultureInfo.InvariantCulture, $"the answer's a=crypto tag {theirs.Tag} was not offered (we offered {ours.Tag})"));
            return false;
        }
        if (theirs.Key.SameAs(ours.Key))
        {
            // Both directions under one key and salt would reuse keystream wherever the SSRCs meet.
            rejection = new SdpRejection(SdpRejectionReason.NoUsableCrypto, "the answer's a=crypto repeats our own key");
            return false;
        }
        keys = new SrtpKeys(ours.Key, theirs.Key);
        return true;
    }
}

using System.Diagnostics.CodeAnalysis;

namespace Hotline.Telephony.Sdp;

/// <summary>
/// RFC 3264 offer/answer for one G.711 audio stream with RFC 4733 telephone-events. We relay a single
/// audio stream, so the first usable audio m= line is accepted and every other one is refused with port 0
/// (§6: the answer has the same number of m= lines, in order). A stream offered with SDES keys
/// (RFC 4568) is answered with ours under the offer's tag and profile, when the caller gave us a key; with a
/// key, our own offers are RTP/SAVP and the answer must bring the peer's.
/// </summary>
public static class SdpOfferAnswer
{
    public static SessionDescription CreateOffer(SdpLocalMedia local)
    {
        ArgumentNullException.ThrowIfNull(local);
        var maps = local.Codecs.Append(new RtpMap(local.TelephoneEventPayloadType, "telephone-event", 8000)).ToList();
        // With a key, RTP/SAVP (RFC 3711 §12) and our one a=crypto under tag 1 (RFC 4568 §7.1.1).
        return local.SrtpKey is { } key
            ? Describe(local, maps, local.Direction, eventPayloadType: local.TelephoneEventPayloadType, [], "RTP/SAVP", new SdpCrypto(1, key))
            : Describe(local, maps, local.Direction, eventPayloadType: local.TelephoneEventPayloadType, [], "RTP/AVP", null);
    }

    public static bool TryAnswer(
        SessionDescription offer,
        SdpLocalMedia local,
        [NotNullWhen(true)] out SdpNegotiation? negotiation,
        [NotNullWhen(false)] out SdpRejection? rejection)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(local);
        negotiation = null;
        int chosen = -1;
        RtpMap? codec = null;
        for (int i = 0; i < offer.Media.Count && codec is null; i++)
        {
            MediaDescription m = offer.Media[i];
            if (m.IsRtpAudio && m.Port != 0)
            {
                chosen = i;
                codec = m.Codecs().FirstOrDefault(c => local.Codecs.Any(c.Matches));
            }
        }

        if (chosen < 0)
        {
            rejection = new SdpRejection(SdpRejectionReason.NoAudioStream, "no audio RTP/AVP or RTP/SAVP stream offered");
            return false;
        }

        MediaDescription offered = offer.Media[chosen];
        if (codec is null)
        {
            rejection = new SdpRejection(
                SdpRejectionReason.NoCommonCodec,
                $"offered {string.Join(',', offered.Codecs().Select(c => c.EncodingName).DefaultIfEmpty("none"))}; we accept {string.Join(',', local.Codecs.Select(c => c.EncodingName))}");
            return false;
        }

        // RFC 4568 §7.1.2: answer the first crypto line we support with our own key under its tag.
        SdpCrypto? theirs = local.SrtpKey is null ? null : SdpCrypto.FirstUsable(offered);
        if (offered.IsSecureRtp && theirs is null)
        {
            rejection = new SdpRejection(SdpRejectionReason.NoUsableCrypto,
                $"RTP/SAVP needs a=crypto with {SdpCrypto.Suite} and one inline key without MKI");
            return false;
        }
        SdpCrypto? ours = theirs is null ? null : new SdpCrypto(theirs.Tag, local.SrtpKey!);

        // §6.1: the answer uses the offer's payload type numbers.
        RtpMap? events = offered.Codecs().FirstOrDefault(c => c.IsTelephoneEvent && c.ClockRate == 8000);
        var maps = events is null ? new List<RtpMap> { codec } : [codec, events];
        MediaDirection direction = Answer(offer.DirectionOf(offered), local.Direction, offer.ConnectionOf(offered)!);
        var rejectedOthers = offer.Media.Select((m, i) => i == chosen ? null : Refused(m)).ToList();
        SessionDescription answer = Describe(local, maps, direction, events?.PayloadType, rejectedOthers, offered.Protocol, ours);
        negotiation = new SdpNegotiation(
            answer, codec, events?.PayloadType, offer.ConnectionOf(offered)!.Address, offered.Port, direction,
            ours is null ? null : new Media.Srtp.SrtpKeys(ours.Key, theirs!.Key));
        rejection = null;
        return true;
    }

    /// <summary>Reads the peer's answer to an offer we made (with its SDES key when we offered RTP/SAVP).</summary>
    public static bool TryAcceptAnswer(
        SessionDescription offer,
        SessionDescription answer,
        [NotNullWhen(true)] out SdpNegotiation? negotiation,
        [NotNullWhen(false)] out SdpRejection? rejection)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(answer);
        negotiation = null;
        if (answer.Media.Count != offer.Media.Count || offer.Media.Count == 0)
        {
            rejection = new SdpRejection(SdpRejectionReason.AnswerMismatch, "answer has a different number of m= lines");
            return false;
        }

        MediaDescription ours = offer.Media[0];
        MediaDescription theirs = answer.Media[0];
        RtpMap? codec = theirs.Codecs().FirstOrDefault(c => !c.IsTelephoneEvent && ours.Codecs().Any(c.Matches));
        if (theirs.Port == 0 || codec is null)
        {
            rejection = new SdpRejection(SdpRejectionReason.NoCommonCodec, "answer refused the stream or chose a codec we did not offer");
            return false;
        }
        if (!SdpCryptoAnswer.TryRead(ours, theirs, out var keys, out rejection))
        {
            return false;
        }

        RtpMap? events = theirs.Codecs().FirstOrDefault(c => c.IsTelephoneEvent);
        MediaDirection direction = Answer(answer.DirectionOf(theirs), offer.DirectionOf(ours), answer.ConnectionOf(theirs)!);
        negotiation = new SdpNegotiation(offer, codec, events?.PayloadType, answer.ConnectionOf(theirs)!.Address, theirs.Port, direction, keys);
        rejection = null;
        return true;
    }

    /// <summary>
    /// §6.1: the answer's direction mirrors the offer's (sendonly ↔ recvonly, inactive stays inactive),
    /// narrowed by what we want. c=0.0.0.0 (§8.4, RFC 2543 hold) means the peer will not receive.
    /// </summary>
    private static MediaDirection Answer(MediaDirection theirs, MediaDirection wanted, SdpConnection connection)
    {
        bool theyReceive = theirs is MediaDirection.SendRecv or MediaDirection.RecvOnly && !connection.IsHoldAddress;
        bool theySend = theirs is MediaDirection.SendRecv or MediaDirection.SendOnly;
        bool weSend = theyReceive && wanted is MediaDirection.SendRecv or MediaDirection.SendOnly;
        bool weReceive = theySend && wanted is MediaDirection.SendRecv or MediaDirection.RecvOnly;
        return (weSend, weReceive) switch
        {
            (true, true) => MediaDirection.SendRecv,
            (true, false) => MediaDirection.SendOnly,
            (false, true) => MediaDirection.RecvOnly,
            _ => MediaDirection.Inactive,
        };
    }

    private static MediaDescription Refused(MediaDescription offered) => new()
    {
        Media = offered.Media,
        Port = 0,
        Protocol = offered.Protocol,
        Formats = offered.Formats,
    };

    private static SessionDescription Describe(
        SdpLocalMedia local, List<RtpMap> maps, MediaDirection direction, int? eventPayloadType, List<MediaDescription?> slots, string protocol, SdpCrypto? crypto)
    {
        var audio = new MediaDescription
        {
            Media = "audio",
            Port = local.Port,
            Protocol = protocol,
            OtherAttributes = crypto is null ? [] : [crypto.ToAttribute()],
            Formats = maps.Select(m => m.PayloadType.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
            RtpMaps = maps,
            Fmtps = eventPayloadType is { } pt ? new Dictionary<int, string> { [pt] = "0-16" } : new Dictionary<int, string>(),
            Ptime = local.Ptime,
            Direction = direction,
        };
        List<MediaDescription> media = slots.Count == 0 ? [audio] : slots.Select(s => s ?? audio).ToList();
        return new SessionDescription
        {
            Origin = new SdpOrigin("hotline", local.SessionId, local.SessionVersion, "IP4", local.Address),
            SessionName = "hotline",
            Connection = new SdpConnection("IP4", local.Address),
            Media = media,
        };
    }
}

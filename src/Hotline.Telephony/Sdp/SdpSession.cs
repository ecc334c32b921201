using System.Diagnostics.CodeAnalysis;

namespace Hotline.Telephony.Sdp;

/// <summary>
/// Our side of one SDP session across offer/answer rounds (RFC 3264 §8): the o= session id stays, and the
/// o= version grows by one whenever what we describe differs from what we last sent, while a repeat of
/// the same description keeps its version (§8: "the version ... MUST be the same" when nothing changed).
/// Not thread-safe: the owning leg serialises calls.
/// </summary>
internal sealed class SdpSession
{
    private SdpLocalMedia _media;
    private string? _lastSent;

    public SdpSession(SdpLocalMedia media)
    {
        _media = media;
    }

    /// <summary>The direction both sides last agreed (sendonly while we hold the peer).</summary>
    public MediaDirection Direction => _media.Direction;

    public ulong Version => _media.SessionVersion;

    /// <summary>An offer with <paramref name="direction"/>; the agreed direction changes only on <see cref="Commit"/>.</summary>
    public SessionDescription CreateOffer(MediaDirection direction)
    {
        var media = _media with { Direction = direction };
        var version = NextVersion(SdpOfferAnswer.CreateOffer(media with { SessionVersion = 0 }));
        return SdpOfferAnswer.CreateOffer(media with { SessionVersion = version });
    }

    /// <summary>The peer accepted an offer of ours with this direction.</summary>
    public void Commit(MediaDirection direction) => _media = _media with { Direction = direction };

    /// <summary>Answers the peer's offer (a re-INVITE) from the agreed direction.</summary>
    public bool TryAnswer(SessionDescription offer, [NotNullWhen(true)] out SdpNegotiation? negotiation, [NotNullWhen(false)] out SdpRejection? rejection)
    {
        if (!SdpOfferAnswer.TryAnswer(offer, _media with { SessionVersion = 0 }, out var masked, out rejection))
        {
            negotiation = null;
            return false;
        }
        var version = NextVersion(masked.Local);
        return SdpOfferAnswer.TryAnswer(offer, _media with { SessionVersion = version }, out negotiation, out rejection);
    }

    /// <summary>
    /// The version for a description about to be sent, given it built at version 0: one up when it differs
    /// from the last one sent (compared with the version masked out), the same when it repeats it.
    /// </summary>
    private ulong NextVersion(SessionDescription masked)
    {
        var text = SdpWriter.Write(masked);
        if (_lastSent is not null && text != _lastSent)
        {
            _media = _media with { SessionVersion = _media.SessionVersion + 1 };
        }
        _lastSent = text;
        return _media.SessionVersion;
    }
}

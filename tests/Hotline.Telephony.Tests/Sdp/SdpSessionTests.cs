using Hotline.Telephony.Sdp;

namespace Hotline.Telephony.Tests.Sdp;

/// <summary>RFC 3264 §8: the o= version grows only when what we describe changes.</summary>
public sealed class SdpSessionTests
{
    private static SdpSession Session() => new(new SdpLocalMedia { Address = "127.0.0.1", Port = 40000, SessionId = "42", SessionVersion = 1 });

    private static SessionDescription PeerOffer(string direction = "sendrecv")
    {
        Assert.True(SdpParser.TryParse(
            $"v=0\r\no=peer 9 9 IN IP4 192.0.2.7\r\ns=-\r\nc=IN IP4 192.0.2.7\r\nt=0 0\r\nm=audio 50000 RTP/AVP 0 8 101\r\na=rtpmap:101 telephone-event/8000\r\na={direction}\r\n",
            out var offer, out _));
        return offer;
    }

    [Fact]
    public void CreateOffer_SameTwice_SameVersion()
    {
        var session = Session();

        var first = session.CreateOffer(MediaDirection.SendRecv);
        var again = session.CreateOffer(MediaDirection.SendRecv);

        Assert.Equal(1UL, first.Origin.SessionVersion);
        Assert.Equal(1UL, again.Origin.SessionVersion);
        Assert.Equal("42", again.Origin.SessionId);
    }

    [Fact]
    public void CreateOffer_DirectionChanges_VersionUpEachTime()
    {
        var session = Session();
        session.CreateOffer(MediaDirection.SendRecv);

        var hold = session.CreateOffer(MediaDirection.SendOnly);
        var resume = session.CreateOffer(MediaDirection.SendRecv);

        Assert.Equal(2UL, hold.Origin.SessionVersion);
        Assert.Equal(MediaDirection.SendOnly, hold.Media[0].Direction);
        Assert.Equal(3UL, resume.Origin.SessionVersion);
        Assert.Equal(MediaDirection.SendRecv, session.Direction);
    }

    [Fact]
    public void TryAnswer_RepeatedOffer_VersionBumpsOnceThenStays()
    {
        var session = Session();
        session.CreateOffer(MediaDirection.SendRecv);

        Assert.True(session.TryAnswer(PeerOffer(), out var first, out _));
        Assert.True(session.TryAnswer(PeerOffer(), out var second, out _));
        Assert.True(session.TryAnswer(PeerOffer("sendonly"), out var held, out _));

        Assert.Equal(2UL, first.Local.Origin.SessionVersion);
        Assert.Equal(2UL, second.Local.Origin.SessionVersion);
        Assert.Equal(3UL, held.Local.Origin.SessionVersion);
        Assert.Equal(MediaDirection.RecvOnly, held.LocalDirection);
    }

    [Fact]
    public void TryAnswer_CommittedHold_AnswersSendonly()
    {
        var session = Session();
        session.Commit(MediaDirection.SendOnly);

        Assert.True(session.TryAnswer(PeerOffer(), out var answer, out _));

        Assert.Equal(MediaDirection.SendOnly, answer.LocalDirection);
    }
}

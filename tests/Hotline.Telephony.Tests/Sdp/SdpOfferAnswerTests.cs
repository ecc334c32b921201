using Hotline.Telephony.Sdp;

namespace Hotline.Telephony.Tests.Sdp;

public sealed class SdpOfferAnswerTests
{
    private static readonly SdpLocalMedia Local = new() { Address = "127.0.0.1", Port = 20000, SessionId = "42", SessionVersion = 1 };

    private static SessionDescription Parse(string text)
    {
        Assert.True(SdpParser.TryParse(text, out SessionDescription? sdp, out SdpParseFailure? failure), failure?.ToString());
        return sdp;
    }

    private static string Offer(string formats, string extra = "", string address = "192.0.2.10") =>
        $"v=0\r\no=- 1 1 IN IP4 {address}\r\ns=-\r\nc=IN IP4 {address}\r\nt=0 0\r\nm=audio 30000 RTP/AVP {formats}\r\n{extra}";

    [Fact]
    public void TryAnswer_PcmaPreferredByOfferer_PicksPcmaAndKeepsOfferEventType()
    {
        SessionDescription offer = Parse(Offer("8 0 96", "a=rtpmap:96 telephone-event/8000\r\n"));

        Assert.True(SdpOfferAnswer.TryAnswer(offer, Local, out SdpNegotiation? result, out _));

        Assert.Equal(RtpMap.Pcma, result.Codec);
        Assert.Equal(96, result.TelephoneEventPayloadType);
        Assert.Equal(("192.0.2.10", 30000), (result.RemoteAddress, result.RemotePort));
        MediaDescription answered = Assert.Single(result.Local.Media);
        Assert.Equal(["8", "96"], answered.Formats);
        Assert.Equal(20000, answered.Port);
        Assert.Equal(MediaDirection.SendRecv, answered.Direction);
    }

    [Theory]
    [InlineData("a=sendonly\r\n", MediaDirection.RecvOnly)]
    [InlineData("a=recvonly\r\n", MediaDirection.SendOnly)]
    [InlineData("a=inactive\r\n", MediaDirection.Inactive)]
    [InlineData("", MediaDirection.SendRecv)]
    public void TryAnswer_OfferDirection_AnswerMirrorsIt(string attribute, MediaDirection expected)
    {
        Assert.True(SdpOfferAnswer.TryAnswer(Parse(Offer("0", attribute)), Local, out SdpNegotiation? result, out _));

        Assert.Equal(expected, result.LocalDirection);
        Assert.Equal(expected, result.Local.Media[0].Direction);
    }

    [Fact]
    public void TryAnswer_OldStyleHoldAddress_WeStopSending()
    {
        Assert.True(SdpOfferAnswer.TryAnswer(Parse(Offer("0", address: "0.0.0.0")), Local, out SdpNegotiation? result, out _));

        Assert.Equal(MediaDirection.RecvOnly, result.LocalDirection);
        Assert.False(result.Sends);
    }

    [Fact]
    public void TryAnswer_NoCommonCodec_Rejects488With305()
    {
        SessionDescription offer = Parse(Offer("18 9", "a=rtpmap:18 G729/8000\r\na=rtpmap:9 G722/8000\r\n"));

        Assert.False(SdpOfferAnswer.TryAnswer(offer, Local, out _, out SdpRejection? rejection));

        Assert.Equal(SdpRejectionReason.NoCommonCodec, rejection.Reason);
        Assert.Equal(488, rejection.SipStatusCode);
        Assert.Equal(305, rejection.WarningCode);
        Assert.Contains("G729", rejection.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void TryAnswer_VideoOnly_Rejects488With304()
    {
        SessionDescription offer = Parse("v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\nm=video 5000 RTP/AVP 96\r\n");

        Assert.False(SdpOfferAnswer.TryAnswer(offer, Local, out _, out SdpRejection? rejection));

        Assert.Equal(SdpRejectionReason.NoAudioStream, rejection.Reason);
        Assert.Equal(304, rejection.WarningCode);
    }

    [Fact]
    public void TryAnswer_VideoThenAudio_VideoRefusedWithPortZeroInSamePlace()
    {
        SessionDescription offer = Parse(
            "v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\nm=video 5000 RTP/AVP 96\r\nm=audio 5002 RTP/AVP 0\r\n");

        Assert.True(SdpOfferAnswer.TryAnswer(offer, Local, out SdpNegotiation? result, out _));

        Assert.Equal(2, result.Local.Media.Count);
        Assert.Equal(("video", 0), (result.Local.Media[0].Media, result.Local.Media[0].Port));
        Assert.Equal(("audio", 20000), (result.Local.Media[1].Media, result.Local.Media[1].Port));
        Assert.Null(result.TelephoneEventPayloadType);
    }

    [Fact]
    public void CreateOffer_AnsweredByPeer_BothSidesAgree()
    {
        SdpLocalMedia agentSide = Local with { Port = 20002, Codecs = [RtpMap.Pcmu, RtpMap.Pcma] };
        SessionDescription offer = Parse(SdpWriter.Write(SdpOfferAnswer.CreateOffer(agentSide)));
        var phone = new SdpLocalMedia { Address = "127.0.0.2", Port = 7078, SessionId = "9", Codecs = [RtpMap.Pcma] };

        Assert.True(SdpOfferAnswer.TryAnswer(offer, phone, out SdpNegotiation? phoneView, out _));
        SessionDescription answer = Parse(SdpWriter.Write(phoneView.Local));
        Assert.True(SdpOfferAnswer.TryAcceptAnswer(offer, answer, out SdpNegotiation? ourView, out _));

        Assert.Equal(RtpMap.Pcma, ourView.Codec);
        Assert.Equal(101, ourView.TelephoneEventPayloadType);
        Assert.Equal(("127.0.0.2", 7078), (ourView.RemoteAddress, ourView.RemotePort));
        Assert.Equal(MediaDirection.SendRecv, ourView.LocalDirection);
    }

    [Fact]
    public void TryAcceptAnswer_HoldOfferAnsweredRecvOnly_WeOnlySend()
    {
        SessionDescription offer = SdpOfferAnswer.CreateOffer(Local with { Direction = MediaDirection.SendOnly });
        SessionDescription answer = Parse(Offer("0", "a=recvonly\r\n"));

        Assert.True(SdpOfferAnswer.TryAcceptAnswer(offer, answer, out SdpNegotiation? result, out _));

        Assert.Equal(MediaDirection.SendOnly, result.LocalDirection);
        Assert.False(result.Receives);
    }

    [Fact]
    public void TryAcceptAnswer_CodecNotOffered_Rejected()
    {
        SessionDescription offer = SdpOfferAnswer.CreateOffer(Local with { Codecs = [RtpMap.Pcmu] });
        SessionDescription answer = Parse(Offer("8"));

        Assert.False(SdpOfferAnswer.TryAcceptAnswer(offer, answer, out _, out SdpRejection? rejection));
        Assert.Equal(SdpRejectionReason.NoCommonCodec, rejection.Reason);
    }
}

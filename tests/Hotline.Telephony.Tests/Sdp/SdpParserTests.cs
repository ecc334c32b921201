using Hotline.Telephony.Sdp;

namespace Hotline.Telephony.Tests.Sdp;

public sealed class SdpParserTests
{
    // Shaped like RFC 4317 §2.1's audio offer, plus fmtp, ptime and a direction.
    internal const string Offer =
        "v=0\r\n" +
        "o=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com\r\n" +
        "s=\r\n" +
        "c=IN IP4 192.0.2.10\r\n" +
        "t=0 0\r\n" +
        "m=audio 49170 RTP/AVP 0 8 97\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:97 telephone-event/8000\r\n" +
        "a=fmtp:97 0-15\r\n" +
        "a=ptime:20\r\n" +
        "a=sendrecv\r\n" +
        "a=x-unknown:kept\r\n";

    [Fact]
    public void TryParse_AudioOffer_ReadsFields()
    {
        Assert.True(SdpParser.TryParse(Offer, out SessionDescription? sdp, out _));

        Assert.Equal(new SdpOrigin("alice", "2890844526", 2890844526, "IP4", "host.atlanta.example.com"), sdp.Origin);
        Assert.Equal(new SdpConnection("IP4", "192.0.2.10"), sdp.Connection);
        MediaDescription audio = Assert.Single(sdp.Media);
        Assert.True(audio.IsRtpAudio);
        Assert.Equal(49170, audio.Port);
        Assert.Equal(["0", "8", "97"], audio.Formats);
        Assert.Equal(["PCMU", "PCMA", "telephone-event"], audio.Codecs().Select(c => c.EncodingName));
        Assert.Equal("0-15", audio.Fmtps[97]);
        Assert.Equal(20, audio.Ptime);
        Assert.Equal(MediaDirection.SendRecv, audio.Direction);
        Assert.Equal(new SdpAttribute("x-unknown", "kept"), Assert.Single(audio.OtherAttributes));
    }

    [Fact]
    public void TryParse_BareLfAndStaticTypesWithoutRtpMap_Accepted()
    {
        string sdp = "v=0\no=- 1 1 IN IP4 10.0.0.1\ns=-\nt=0 0\nm=audio 4000 RTP/AVP 8 0\nc=IN IP4 10.0.0.2\na=sendonly\n";

        Assert.True(SdpParser.TryParse(sdp, out SessionDescription? parsed, out _));

        MediaDescription audio = parsed.Media[0];
        Assert.Equal(["PCMA", "PCMU"], audio.Codecs().Select(c => c.EncodingName));
        Assert.Equal("10.0.0.2", parsed.ConnectionOf(audio)!.Address);
        Assert.Equal(MediaDirection.SendOnly, parsed.DirectionOf(audio));
    }

    [Theory]
    [InlineData("o=- 1 1 IN IP4 a\r\n", SdpParseError.MissingVersion, 1)]
    [InlineData("v=1\r\n", SdpParseError.UnsupportedVersion, 1)]
    [InlineData("v=0\r\nnot a line\r\n", SdpParseError.MalformedLine, 2)]
    [InlineData("v=0\r\no=- 1 IN IP4 a\r\n", SdpParseError.MalformedOrigin, 2)]
    [InlineData("v=0\r\no=- 1 x IN IP4 a\r\n", SdpParseError.MalformedOrigin, 2)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nc=IN IPX 1.2.3.4\r\n", SdpParseError.MalformedConnection, 4)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nt=0\r\n", SdpParseError.MalformedTiming, 4)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nm=audio 70000 RTP/AVP 0\r\n", SdpParseError.MalformedMedia, 4)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nm=audio 4000 RTP/AVP\r\n", SdpParseError.MalformedMedia, 4)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nm=audio 4000 RTP/AVP 0\r\na=rtpmap:0 PCMU\r\n", SdpParseError.MalformedRtpMap, 5)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nm=audio 4000 RTP/AVP 0\r\na=rtpmap:200 X/8000\r\n", SdpParseError.MalformedRtpMap, 5)]
    [InlineData("v=0\r\ns=-\r\n", SdpParseError.MissingOrigin, 0)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 a\r\n", SdpParseError.MissingSessionName, 0)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n", SdpParseError.MissingConnection, 0)]
    [InlineData("", SdpParseError.MissingVersion, 0)]
    public void TryParse_Malformed_ReturnsReasonAndLine(string text, SdpParseError reason, int line)
    {
        Assert.False(SdpParser.TryParse(text, out _, out SdpParseFailure? failure));

        Assert.Equal(reason, failure.Reason);
        Assert.Equal(line, failure.Line);
        Assert.Equal(400, failure.SipStatusCode);
    }

    [Fact]
    public void TryParse_Oversized_RefusedBeforeParsing()
    {
        string huge = "v=0\r\n" + new string('a', SdpParser.MaxLength);

        Assert.False(SdpParser.TryParse(huge, out _, out SdpParseFailure? failure));
        Assert.Equal(SdpParseError.TooLarge, failure.Reason);
    }

    [Fact]
    public void TryParse_EveryPrefix_NeverThrowsAndNeverInventsMedia()
    {
        for (int length = 0; length < Offer.Length; length++)
        {
            if (SdpParser.TryParse(Offer[..length], out SessionDescription? sdp, out _))
            {
                Assert.True(sdp.Media.Count <= 1);
            }
        }
    }

    [Fact]
    public void Write_ThenParse_RoundTrips()
    {
        Assert.True(SdpParser.TryParse(Offer, out SessionDescription? first, out _));

        string written = SdpWriter.Write(first);
        Assert.True(SdpParser.TryParse(written, out SessionDescription? second, out _));

        Assert.Equal(written, SdpWriter.Write(second));
        Assert.Equal(first.Origin, second.Origin);
        Assert.Equal(first.Media[0].RtpMaps, second.Media[0].RtpMaps);
        Assert.Contains("a=rtpmap:97 telephone-event/8000\r\n", written, StringComparison.Ordinal);
        Assert.Contains("a=fmtp:97 0-15\r\n", written, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", written, StringComparison.Ordinal);
    }
}

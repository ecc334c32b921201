using System.Buffers;

using Hotline.Telephony.Sip.Syntax;

namespace Hotline.Telephony.Tests.Sip.Syntax;

/// <summary>
/// Messages written for this suite after the cases RFC 4475 describes (§3.1.1 valid, §3.1.2 invalid):
/// the valid ones must parse, the invalid ones must be rejected with the right reason.
/// </summary>
public sealed class TortureMessageTests
{
    [Fact]
    public void TryParse_TortuousWhitespaceAndCompactForms_Parses()
    {
        var message = SipText.ParseDatagram("""
            INVITE sip:vivekg@chair-dnrc.example.com;unknownparam SIP/2.0
            TO :
             sip:vivekg@chair-dnrc.example.com ;   tag    = 1918181833n
            from   : "J Rosenberg \\\""       <sip:jdrosen@example.com>
              ;
              tag = 98asjd8
            MaX-fOrWaRdS: 0068
            Call-ID: wsinv.ndaksdj@192.0.2.1
            Content-Length   : 0
            cseq: 0009
              INVITE
            Via  : SIP  /   2.0
             /UDP
                192.0.2.2;branch=390skdjuw
            s :
            NewFangledHeader:   newfangled value
             continued newfangled value
            UnknownHeaderWithUnusualValue: ;;,,;;,;
            m:"Quoted string \"\"" <sip:jdrosen@example.com> ; newparam =
                  newvalue ;
              secondparam ; q = 0.33


            """);

        var request = Assert.IsType<SipRequest>(message);
        Assert.Equal("1918181833n", request.To.Tag);
        Assert.Equal("98asjd8", request.From.Tag);
        Assert.Equal("J Rosenberg \\\"", request.From.DisplayName);
        Assert.Equal(68, request.MaxForwards);
        Assert.Equal(new CSeqHeader(9, "INVITE"), request.CSeq);
        Assert.Equal("192.0.2.2", request.TopVia.Host);
        Assert.Equal("UDP", request.TopVia.Transport);
        Assert.Equal("newfangled value continued newfangled value", request.Headers["newfangledheader"]);
        Assert.Equal(string.Empty, request.Headers["Subject"]);
        Assert.True(NameAddressHeader.TryParse(request.Headers["Contact"], out var contact));
        Assert.Equal("0.33", contact.Parameters.Get("q"));
        Assert.True(request.RequestUri.Parameters.Contains("unknownparam"));
    }

    [Fact]
    public void TryParse_UnusualMethodTokenWithMatchingCSeq_Parses()
    {
        const string Method = "!interesting-Method0123456789_*+`.%indeed'~";
        var request = (SipRequest)SipText.ParseDatagram(Simple(Method, "sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too.(doesn't-it)@example.com"));

        Assert.Equal(Method, request.Method);
        Assert.Equal("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*", request.RequestUri.User);
    }

    [Theory]
    [InlineData("sip:sips%3Auser%40example.com@example.net", "sips:user@example.com")]
    [InlineData("sip:null-%00-null@example.com", "null-\0-null")]
    [InlineData("sip:user;par=u%40example.net@example.com", "user;par=u@example.net")]
    public void TryParse_EscapedUserParts_Unescape(string uri, string expectedUser)
    {
        var request = (SipRequest)SipText.ParseDatagram(Simple("OPTIONS", uri));

        Assert.Equal(expectedUser, request.RequestUri.UnescapedUser);
    }

    [Fact]
    public void TryParse_UnknownUriScheme_ParsesOpaque()
    {
        var request = (SipRequest)SipText.ParseDatagram(Simple("OPTIONS", "nobodyknowsthisscheme:totallyopaquecontent"));

        Assert.False(request.RequestUri.IsSip);
        Assert.Equal("nobodyknowsthisscheme", request.RequestUri.Scheme);
    }

    [Fact]
    public void TryParse_TokenDisplayNameWithoutSpaceBeforeAngle_Parses()
    {
        var message = SipText.ParseDatagram(Simple("OPTIONS", "sip:h.example").Replace("From: <sip:caller@example.com>;tag=1", "From: caller<sip:caller@example.com>;tag=1", StringComparison.Ordinal));

        Assert.Equal("caller", message.From.DisplayName);
    }

    [Fact]
    public void TryParse_Ipv6ViaAndUri_Parses()
    {
        var message = SipText.ParseDatagram(Simple("OPTIONS", "sip:[2001:db8::10]:5070").Replace("SIP/2.0/UDP 192.0.2.2", "SIP/2.0/UDP [2001:db8::9:1]:6050", StringComparison.Ordinal));

        Assert.Equal("[2001:db8::9:1]", message.TopVia.Host);
        Assert.Equal(6050, message.TopVia.Port);
        Assert.Equal(5070, ((SipRequest)message).RequestUri.Port);
    }

    [Fact]
    public void TryParse_ResponseEmptyReasonAndUtf8Reason_Parse()
    {
        var empty = (SipResponse)SipText.ParseDatagram(SimpleResponse("100 "));
        var utf8 = (SipResponse)SipText.ParseDatagram(SimpleResponse("200 = 2**3 * 5**2 но сто девяносто девять - простое"));

        Assert.Equal(string.Empty, empty.ReasonPhrase);
        Assert.Equal(200, utf8.StatusCode);
        Assert.EndsWith("простое", utf8.ReasonPhrase, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseDatagram_BytesPastContentLength_Discarded()
    {
        var message = SipText.ParseDatagram(Simple("OPTIONS", "sip:h.example") + "garbage after the message");

        Assert.True(message.Body.IsEmpty);
    }

    public static TheoryData<string, string, string, int> Invalid => new()
    {
        { "clerr", Simple("INVITE", "sip:h.example").Replace("Content-Length: 0", "Content-Length: 9999", StringComparison.Ordinal) + "v=0", nameof(SipParseFailure.TruncatedBody), 400 },
        { "ncl", Simple("INVITE", "sip:h.example").Replace("Content-Length: 0", "Content-Length: -999", StringComparison.Ordinal), nameof(SipParseFailure.InvalidContentLength), 400 },
        { "scalarlg-mf", Simple("INVITE", "sip:h.example").Replace("Max-Forwards: 70", "Max-Forwards: 300", StringComparison.Ordinal), nameof(SipParseFailure.InvalidHeaderValue), 400 },
        { "scalarlg-cseq", Simple("INVITE", "sip:h.example").Replace("CSeq: 1 INVITE", "CSeq: 36893488147419103232 INVITE", StringComparison.Ordinal), nameof(SipParseFailure.InvalidHeaderValue), 400 },
        { "quotbal", Simple("INVITE", "sip:h.example").Replace("From: <sip:caller@example.com>", "From: \"Mr. J. User <sip:caller@example.com>", StringComparison.Ordinal), nameof(SipParseFailure.InvalidHeaderValue), 400 },
        { "ltgtruri", Simple("INVITE", "<sip:user@example.com>"), nameof(SipParseFailure.MalformedStartLine), 400 },
        { "lwsruri", Simple("INVITE", "sip:user@example.com; lr"), nameof(SipParseFailure.MalformedStartLine), 400 },
        { "lwsstart", Simple("INVITE", " sip:user@example.com"), nameof(SipParseFailure.MalformedStartLine), 400 },
        { "trws", Simple("INVITE", "sip:user@example.com").Replace("SIP/2.0\n", "SIP/2.0 \n", StringComparison.Ordinal), nameof(SipParseFailure.MalformedStartLine), 400 },
        { "badvers", Simple("INVITE", "sip:user@example.com").Replace("com SIP/2.0", "com SIP/7.0", StringComparison.Ordinal), nameof(SipParseFailure.UnsupportedVersion), 505 },
        { "mismatch01", Simple("INVITE", "sip:user@example.com").Replace("CSeq: 1 INVITE", "CSeq: 1 OPTIONS", StringComparison.Ordinal), nameof(SipParseFailure.CSeqMethodMismatch), 400 },
        { "multi-callid", Simple("INVITE", "sip:user@example.com").Replace("Call-ID: t1", "Call-ID: t1\nCall-ID: t2", StringComparison.Ordinal), nameof(SipParseFailure.DuplicateSingleHeader), 400 },
        { "multi-to", Simple("INVITE", "sip:user@example.com").Replace("To: <sip:user@example.com>", "To: <sip:a@example.com>, <sip:b@example.com>", StringComparison.Ordinal), nameof(SipParseFailure.DuplicateSingleHeader), 400 },
        { "no-callid", Simple("INVITE", "sip:user@example.com").Replace("Call-ID: t1\n", "", StringComparison.Ordinal), nameof(SipParseFailure.MissingRequiredHeader), 400 },
        { "no-via", Simple("INVITE", "sip:user@example.com").Replace("Via: SIP/2.0/UDP 192.0.2.2;branch=z9hG4bKt1\n", "", StringComparison.Ordinal), nameof(SipParseFailure.MissingRequiredHeader), 400 },
        { "bad-via", Simple("INVITE", "sip:user@example.com").Replace("SIP/2.0/UDP 192.0.2.2", "SPIP/2.0/UDP 192.0.2.2", StringComparison.Ordinal), nameof(SipParseFailure.InvalidHeaderValue), 400 },
        { "no-colon", Simple("INVITE", "sip:user@example.com").Replace("Max-Forwards: 70", "Max-Forwards 70", StringComparison.Ordinal), nameof(SipParseFailure.MalformedHeader), 400 },
        { "bigcode", SimpleResponse("4294967301 better not break the receiver"), nameof(SipParseFailure.MalformedStartLine), 400 },
        { "badhost", Simple("INVITE", "sip:user@exa mple.com"), nameof(SipParseFailure.MalformedStartLine), 400 },
        { "bad-port", Simple("INVITE", "sip:user@example.com:99999"), nameof(SipParseFailure.MalformedStartLine), 400 },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void TryParse_InvalidTortureMessage_RejectedWithReason(string name, string text, string failure, int status)
    {
        var error = SipText.RejectDatagram(text);

        Assert.True(failure == error.Failure.ToString(), $"{name}: {error}");
        Assert.Equal(status, error.StatusCode);
    }

    [Fact]
    public void TryParseStream_NegativeContentLength_RejectedNotWaiting()
    {
        var bytes = SipText.Wire(Simple("INVITE", "sip:h.example").Replace("Content-Length: 0", "Content-Length: -1", StringComparison.Ordinal));
        var buffer = new ReadOnlySequence<byte>(bytes);

        var status = new SipMessageParser().TryParseStream(ref buffer, out _, out var error);

        Assert.Equal(SipParseStatus.Rejected, status);
        Assert.Equal(400, error!.StatusCode);
    }

    private static string Simple(string method, string uri) => $"""
        {method} {uri} SIP/2.0
        Via: SIP/2.0/UDP 192.0.2.2;branch=z9hG4bKt1
        Max-Forwards: 70
        To: <sip:user@example.com>
        From: <sip:caller@example.com>;tag=1
        Call-ID: t1
        CSeq: 1 {method}
        Content-Length: 0


        """;

    private static string SimpleResponse(string statusAndReason) =>
        "SIP/2.0 " + statusAndReason + "\n" + """
        Via: SIP/2.0/UDP 192.0.2.2;branch=z9hG4bKt1
        To: <sip:user@example.com>;tag=2
        From: <sip:caller@example.com>;tag=1
        Call-ID: t1
        CSeq: 1 INVITE
        Content-Length: 0


        """;

}

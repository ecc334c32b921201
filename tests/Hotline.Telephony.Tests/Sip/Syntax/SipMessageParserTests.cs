using System.Buffers;
using System.Text;
using Hotline.Telephony.Sip.Syntax;

namespace Hotline.Telephony.Tests.Sip.Syntax;

public sealed class SipMessageParserTests
{
    [Fact]
    public void TryParseDatagram_Register_ReadsCoreHeaders()
    {
        var request = Assert.IsType<SipRequest>(SipText.ParseDatagram(SipText.Register));

        Assert.Equal("REGISTER", request.Method);
        Assert.Equal("hotline.example", request.RequestUri.Host);
        Assert.Equal("z9hG4bK776asdhds", request.TopVia.Branch);
        Assert.Equal(5062, request.TopVia.Port);
        Assert.True(request.TopVia.HasRPort);
        Assert.Equal("456248", request.From.Tag);
        Assert.Equal("Agent 1001", request.From.DisplayName);
        Assert.Null(request.To.Tag);
        Assert.Equal("843817637684230@998sdasdh09", request.CallId);
        Assert.Equal(new CSeqHeader(1826, "REGISTER"), request.CSeq);
        Assert.Equal(70, request.MaxForwards);
        Assert.Equal("7200", request.Headers["expires"]);
    }

    [Fact]
    public void TryParseStream_BodyByContentLength_ConsumesExactlyOneMessage()
    {
        var first = SipText.Wire(SipText.InviteWithBody);
        var bytes = first.Concat(SipText.Wire(SipText.Register)).ToArray();

        var status = SipText.ParseStream(bytes, out var message, out _, out var consumed);

        Assert.Equal(SipParseStatus.Complete, status);
        Assert.Equal("v=0\r\no=x\r\n", Encoding.UTF8.GetString(message!.Body.Span));
        Assert.Equal(first.Length, consumed);
    }

    [Fact]
    public void TryParse_CompactForms_ExpandToCanonicalNames()
    {
        var message = SipText.ParseDatagram("""
            OPTIONS sip:hotline.example SIP/2.0
            v: SIP/2.0/UDP 10.0.0.5;branch=z9hG4bK1
            t: <sip:hotline.example>
            f: <sip:1001@hotline.example>;tag=a
            i: compact-1
            CSeq: 1 OPTIONS
            m: <sip:1001@10.0.0.5>
            k: path
            l: 0


            """);

        Assert.Equal("compact-1", message.CallId);
        Assert.Equal("<sip:1001@10.0.0.5>", message.Headers[SipHeaderNames.Contact]);
        Assert.Equal("path", message.Headers["Supported"]);
        Assert.Contains(message.Headers.All, h => h.Name == "Call-ID");
    }

    [Fact]
    public void TryParse_FoldedHeader_UnfoldsToSingleSpace()
    {
        var message = SipText.ParseDatagram("""
            OPTIONS sip:hotline.example SIP/2.0
            Via: SIP/2.0/UDP 10.0.0.5;branch=z9hG4bK1
            To: <sip:hotline.example>
            From: <sip:1001@hotline.example>;tag=a
            Call-ID: fold-1
            CSeq: 1
                OPTIONS
            Subject: first
            	second
            Content-Length: 0


            """);

        Assert.Equal(new CSeqHeader(1, "OPTIONS"), message.CSeq);
        Assert.Equal("first second", message.Headers["subject"]);
    }

    [Fact]
    public void TryParse_MultipleViasInOneAndSeveralLines_KeepsOrder()
    {
        var message = SipText.ParseDatagram("""
            SIP/2.0 200 OK
            Via: SIP/2.0/UDP a.example;branch=z9hG4bK1, SIP/2.0/TCP b.example:5070;branch=z9hG4bK2
            VIA: SIP/2.0/UDP c.example;branch=z9hG4bK3
            To: <sip:hotline.example>;tag=x
            From: <sip:1001@hotline.example>;tag=a
            Call-ID: multi-1
            CSeq: 1 OPTIONS
            Content-Length: 0


            """);

        Assert.Equal(["a.example", "b.example", "c.example"], message.Vias.Select(v => v.Host));
        Assert.Equal("TCP", message.Vias[1].Transport);
        Assert.Equal(200, Assert.IsType<SipResponse>(message).StatusCode);
    }

    [Fact]
    public void TryParseStream_NoContentLength_RejectedBadRequest()
    {
        var bytes = SipText.Wire(SipText.Register.Replace("Content-Length: 0\n", "", StringComparison.Ordinal));

        var status = SipText.ParseStream(bytes, out _, out var error, out _);

        Assert.Equal(SipParseStatus.Rejected, status);
        Assert.Equal(SipParseFailure.MissingContentLength, error!.Failure);
        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public void TryParseStream_LeadingKeepAliveCrlf_Skipped()
    {
        var bytes = SipText.Wire("\n\n" + SipText.Register);

        var status = SipText.ParseStream(bytes, out var message, out _, out var consumed);

        Assert.Equal(SipParseStatus.Complete, status);
        Assert.Equal(bytes.Length, consumed);
        Assert.NotNull(message);
    }

    [Fact]
    public void TryParseStream_OnlyKeepAlive_NeedsMoreDataAndConsumesIt()
    {
        var status = SipText.ParseStream("\r\n\r\n"u8.ToArray(), out _, out _, out var consumed);

        Assert.Equal(SipParseStatus.NeedMoreData, status);
        Assert.Equal(4, consumed);
    }

    [Fact]
    public void TryParseStream_StartLineOverLimitWithoutNewline_RejectedBeforeBuffering()
    {
        var parser = new SipMessageParser(new SipParseLimits { MaxStartLineLength = 64 });
        var buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes("INVITE sip:" + new string('a', 100)));

        var status = parser.TryParseStream(ref buffer, out _, out var error);

        Assert.Equal(SipParseStatus.Rejected, status);
        Assert.Equal(414, error!.StatusCode);
    }

    [Fact]
    public void TryParseStream_TooManyHeaders_Rejected513()
    {
        var parser = new SipMessageParser(new SipParseLimits { MaxHeaderCount = 10 });
        var text = "OPTIONS sip:h SIP/2.0\r\n" + string.Concat(Enumerable.Repeat("X-Filler: 1\r\n", 20));
        var buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(text));

        var status = parser.TryParseStream(ref buffer, out _, out var error);

        Assert.Equal(SipParseStatus.Rejected, status);
        Assert.Equal(SipParseFailure.TooManyHeaders, error!.Failure);
        Assert.Equal(513, error.StatusCode);
    }

    [Fact]
    public void TryParseStream_BodyOverLimit_Rejected413WithoutWaitingForBody()
    {
        var parser = new SipMessageParser(new SipParseLimits { MaxBodyLength = 100 });
        var buffer = new ReadOnlySequence<byte>(SipText.Wire(SipText.Register.Replace("Content-Length: 0", "Content-Length: 5000", StringComparison.Ordinal)));

        var status = parser.TryParseStream(ref buffer, out _, out var error);

        Assert.Equal(SipParseStatus.Rejected, status);
        Assert.Equal(413, error!.StatusCode);
    }

    [Fact]
    public void TryParseStream_MultiSegmentBuffer_ParsesAcrossSegments()
    {
        var bytes = SipText.Wire(SipText.InviteWithBody);
        var buffer = TestSegments.Split(bytes, 7);
        var parser = new SipMessageParser();

        var status = parser.TryParseStream(ref buffer, out var message, out _);

        Assert.Equal(SipParseStatus.Complete, status);
        Assert.Equal(10, message!.Body.Length);
        Assert.Equal(0, buffer.Length);
    }

    [Fact]
    public void TryParse_HeaderNamesCaseInsensitive_Found()
    {
        var message = SipText.ParseDatagram(SipText.Register.Replace("Call-ID", "cAlL-iD", StringComparison.Ordinal));

        Assert.Equal("843817637684230@998sdasdh09", message.CallId);
    }
}

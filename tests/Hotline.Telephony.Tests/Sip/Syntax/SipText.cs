using System.Buffers;
using System.Text;
using Hotline.Telephony.Sip.Syntax;

namespace Hotline.Telephony.Tests.Sip.Syntax;

/// <summary>Helpers that turn readable test text (LF line ends) into wire bytes (CRLF) and parse them.</summary>
internal static class SipText
{
    public static byte[] Wire(string text) => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"));

    public static SipMessage ParseDatagram(string text)
    {
        var status = new SipMessageParser().TryParseDatagram(new ReadOnlySequence<byte>(Wire(text)), out var message, out var error);
        Assert.True(status == SipParseStatus.Complete, $"expected Complete, got {status} {error}");
        return message!;
    }

    public static SipParseError RejectDatagram(string text)
    {
        var status = new SipMessageParser().TryParseDatagram(new ReadOnlySequence<byte>(Wire(text)), out _, out var error);
        Assert.Equal(SipParseStatus.Rejected, status);
        return error!;
    }

    public static SipParseStatus ParseStream(byte[] bytes, out SipMessage? message, out SipParseError? error, out long consumed)
    {
        var buffer = new ReadOnlySequence<byte>(bytes);
        var status = new SipMessageParser().TryParseStream(ref buffer, out message, out error);
        consumed = bytes.Length - buffer.Length;
        return status;
    }

    /// <summary>A request with the core headers a peer at <paramref name="local"/> sends, in readable text.</summary>
    public static string Request(string method, string uri, string via, System.Net.IPEndPoint local, string extraHeaders = "", string? callId = null) => $"""
        {method} {uri} SIP/2.0
        Via: {via}
        Max-Forwards: 70
        To: <{uri}>
        From: <sip:peer@{local}>;tag={Guid.NewGuid():N}
        Call-ID: {callId ?? Guid.NewGuid().ToString("N")}
        CSeq: 1 {method}
        {extraHeaders}Content-Length: 0


        """;

    public const string Register = """
        REGISTER sip:hotline.example SIP/2.0
        Via: SIP/2.0/UDP 10.0.0.5:5062;branch=z9hG4bK776asdhds;rport
        Max-Forwards: 70
        To: <sip:1001@hotline.example>
        From: "Agent 1001" <sip:1001@hotline.example>;tag=456248
        Call-ID: 843817637684230@998sdasdh09
        CSeq: 1826 REGISTER
        Contact: <sip:1001@10.0.0.5:5062>;expires=3600
        Expires: 7200
        Content-Length: 0


        """;

    public const string InviteWithBody = """
        INVITE sip:12345@hotline.example SIP/2.0
        Via: SIP/2.0/TCP trunk.example:5060;branch=z9hG4bKnashds8
        Max-Forwards: 70
        To: <sip:12345@hotline.example>
        From: <sip:13800000000@trunk.example>;tag=1928301774
        Call-ID: a84b4c76e66710@trunk.example
        CSeq: 314159 INVITE
        Contact: <sip:13800000000@trunk.example>
        Content-Type: application/sdp
        Content-Length: 10

        v=0
        o=x

        """;
}

using System.Buffers;
using Hotline.Telephony.Sip.Syntax;

namespace Hotline.Telephony.Tests.Sip.Syntax;

public sealed class SipMessageRoundTripTests
{
    private const string Unauthorized = """
        SIP/2.0 401 Unauthorized
        v: SIP/2.0/UDP 10.0.0.5:5062;branch=z9hG4bK1;received=10.0.0.9;rport=5999
        To: "Zhang, San" <sip:1001@hotline.example>;tag=x
        f: <sip:1001@hotline.example;transport=udp>;tag=a
        i: rt-1
        CSeq: 2 REGISTER
        WWW-Authenticate: Digest realm="hotline", nonce="abc", algorithm=SHA-256, qop="auth"
        l: 0


        """;

    public static TheoryData<string> Messages => new()
    {
        SipText.Register,
        SipText.InviteWithBody,
        Unauthorized,
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Write_ThenParse_GivesSameMessage(string text)
    {
        var original = SipText.ParseDatagram(text);

        var bytes = SipMessageWriter.ToBytes(original);
        var buffer = new ReadOnlySequence<byte>(bytes);
        var status = new SipMessageParser().TryParseStream(ref buffer, out var reparsed, out var error);

        Assert.True(status == SipParseStatus.Complete, error?.ToString());
        Assert.Equal(original.StartLine, reparsed!.StartLine);
        Assert.Equal(original.Headers.All.Where(h => h.Name != "Content-Length"), reparsed.Headers.All.Where(h => h.Name != "Content-Length"));
        Assert.Equal(original.Body.ToArray(), reparsed.Body.ToArray());
        Assert.Equal(original.Vias.Select(v => v.ToString()), reparsed.Vias.Select(v => v.ToString()));
        Assert.Equal(original.From.ToString(), reparsed.From.ToString());
        Assert.Equal(original.To.ToString(), reparsed.To.ToString());
        Assert.Equal(original.CSeq, reparsed.CSeq);
    }

    [Fact]
    public void Write_TypedHeaders_SerialiseCanonically()
    {
        var response = (SipResponse)SipText.ParseDatagram(Unauthorized);

        Assert.Equal("SIP/2.0/UDP 10.0.0.5:5062;branch=z9hG4bK1;received=10.0.0.9;rport=5999", response.TopVia.ToString());
        Assert.Equal("\"Zhang, San\" <sip:1001@hotline.example>;tag=x", response.To.ToString());
        Assert.Equal("udp", response.From.Uri.Parameters.Get("transport"));
    }
}

using Hotline.Telephony.Sip.Syntax;

namespace Hotline.Telephony.Tests.Sip.Syntax;

public sealed class SipResponseBuilderTests
{
    [Fact]
    public void Build_From_Request_CopiesViaFromToCallIdCSeqAndAddsToTag()
    {
        var request = (SipRequest)SipText.ParseDatagram(SipText.Register.Replace(
            "Via: SIP/2.0/UDP 10.0.0.5:5062;branch=z9hG4bK776asdhds;rport",
            "Via: SIP/2.0/UDP 10.0.0.5:5062;branch=z9hG4bK776asdhds;rport\nVia: SIP/2.0/UDP proxy.example;branch=z9hG4bKp",
            StringComparison.Ordinal));

        var response = SipResponseBuilder.For(request, 200).WithToTag("srv1").WithHeader("Expires", "3600").Build();

        Assert.Equal(["z9hG4bK776asdhds", "z9hG4bKp"], response.Vias.Select(v => v.Branch));
        Assert.Equal(request.From.Tag, response.From.Tag);
        Assert.Equal("srv1", response.To.Tag);
        Assert.Equal(request.To.Uri, response.To.Uri);
        Assert.Equal(request.CallId, response.CallId);
        Assert.Equal(request.CSeq, response.CSeq);
        Assert.Equal("OK", response.ReasonPhrase);
        Assert.Equal("3600", response.Headers["Expires"]);
    }

    [Fact]
    public void Build_Trying_NoToTagAndTimestampEchoed()
    {
        var request = (SipRequest)SipText.ParseDatagram(SipText.InviteWithBody.Replace("Max-Forwards: 70", "Max-Forwards: 70\nTimestamp: 54", StringComparison.Ordinal));

        var response = SipResponseBuilder.For(request, 100).Build();

        Assert.Null(response.To.Tag);
        Assert.Equal("54", response.Headers[SipHeaderNames.Timestamp]);
    }

    [Fact]
    public void Build_RequestToAlreadyTagged_KeepsItsTag()
    {
        var request = (SipRequest)SipText.ParseDatagram(SipText.Register.Replace("To: <sip:1001@hotline.example>", "To: <sip:1001@hotline.example>;tag=old", StringComparison.Ordinal));

        var response = SipResponseBuilder.For(request, 481).WithToTag("new").Build();

        Assert.Equal("old", response.To.Tag);
        Assert.Equal("Call/Transaction Does Not Exist", response.ReasonPhrase);
    }
}

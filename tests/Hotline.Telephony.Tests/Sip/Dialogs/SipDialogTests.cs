using Hotline.Telephony.Sip.Dialogs;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Tests.Sip.Syntax;

namespace Hotline.Telephony.Tests.Sip.Dialogs;

public sealed class SipDialogTests
{
    private static SipRequest Invite() => (SipRequest)SipText.ParseDatagram("""
        INVITE sip:12345@hotline.local SIP/2.0
        Via: SIP/2.0/UDP 192.0.2.7:5060;branch=z9hG4bKd1
        Max-Forwards: 70
        To: <sip:12345@hotline.local>
        From: "Caller" <sip:13800138000@trunk.example>;tag=caller1
        Call-ID: dlg-1
        CSeq: 10 INVITE
        Contact: <sip:13800138000@192.0.2.7:5060>
        Record-Route: <sip:proxy2.example;lr>, <sip:proxy1.example;lr>
        Content-Length: 0


        """);

    [Fact]
    public void CreateAsServer_Invite_TakesTargetRoutesAndTags()
    {
        var dialog = SipDialog.CreateAsServer(Invite(), "us1")!;

        Assert.Equal(new DialogId("dlg-1", "us1", "caller1"), dialog.Id);
        Assert.Equal("192.0.2.7", dialog.RemoteTarget.Host);
        Assert.Equal(["<sip:proxy2.example;lr>", "<sip:proxy1.example;lr>"], dialog.RouteSet);
    }

    [Fact]
    public void CreateRequest_Bye_AddressedToRemoteTargetWithSwappedTagsAndRoutes()
    {
        var dialog = SipDialog.CreateAsServer(Invite(), "us1")!;

        var bye = dialog.CreateRequest("BYE", "127.0.0.1:5060", "UDP", "<sip:hotline@127.0.0.1:5060>");
        var second = dialog.CreateRequest("BYE", "127.0.0.1:5060", "UDP", "<sip:hotline@127.0.0.1:5060>");

        Assert.Equal("sip:13800138000@192.0.2.7:5060", bye.RequestUri.ToString());
        Assert.Equal("us1", bye.From.Tag);
        Assert.Equal("caller1", bye.To.Tag);
        Assert.Equal("dlg-1", bye.CallId);
        Assert.Equal(["<sip:proxy2.example;lr>", "<sip:proxy1.example;lr>"], bye.Headers.GetLines("Route"));
        Assert.StartsWith(ViaHeader.MagicCookie, bye.TopVia.Branch, StringComparison.Ordinal);
        Assert.Equal(second.CSeq.Number, bye.CSeq.Number + 1);
    }

    [Fact]
    public void AcceptRemoteCSeq_LowerThanSeen_Refused()
    {
        var dialog = SipDialog.CreateAsServer(Invite(), "us1")!;
        var old = Invite().WithHeader("CSeq", "9 INVITE");
        var next = Invite().WithHeader("CSeq", "11 INVITE");

        Assert.False(dialog.AcceptRemoteCSeq(old));
        Assert.True(dialog.AcceptRemoteCSeq(next));
    }

    [Fact]
    public void CreateAsServer_NoContact_Null()
    {
        var invite = Invite();
        var withoutContact = SipRequest.Create(invite.Method, invite.RequestUri, invite.Headers.Without("Contact"));

        Assert.Null(SipDialog.CreateAsServer(withoutContact, "us1"));
    }
}

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

    [Fact]
    public void CreateAsClient_2xx_ReversedRecordRouteContactTargetAndInviteCSeq()
    {
        var invite = Invite();
        var ok = SipResponseBuilder.For(invite, 200).WithToTag("callee1")
            .WithHeader("Contact", "<sip:1001@192.0.2.9:5062>")
            .WithHeader("Record-Route", "<sip:proxy1.example;lr>, <sip:proxy2.example;lr>")
            .Build();

        var dialog = SipDialog.CreateAsClient(invite, ok)!;
        var ack = dialog.CreateAck(invite.CSeq.Number, "127.0.0.1:5060", "UDP", "<sip:hotline@127.0.0.1:5060>");
        var bye = dialog.CreateRequest("BYE", "127.0.0.1:5060", "UDP", "<sip:hotline@127.0.0.1:5060>");

        Assert.Equal(new DialogId("dlg-1", "caller1", "callee1"), dialog.Id);
        Assert.Equal("sip:1001@192.0.2.9:5062", dialog.RemoteTarget.ToString());
        Assert.Equal(["<sip:proxy2.example;lr>", "<sip:proxy1.example;lr>"], dialog.RouteSet);
        Assert.Equal("10 ACK", ack.CSeq.ToString());
        Assert.Equal("11 BYE", bye.CSeq.ToString());
        Assert.Equal("callee1", bye.To.Tag);
        Assert.Equal("caller1", bye.From.Tag);
    }

    [Fact]
    public void CreateAsClient_NoToTagOrNoContact_NullOrRequestUriTarget()
    {
        var invite = Invite();
        var tagless = SipResponse.Create(200, "OK", SipResponseBuilder.For(invite, 100).Build().Headers);
        var noContact = SipResponseBuilder.For(invite, 180).WithToTag("callee1").Build();

        Assert.Null(SipDialog.CreateAsClient(invite, tagless));
        Assert.Equal(invite.RequestUri, SipDialog.CreateAsClient(invite, noContact)!.RemoteTarget);
    }

    [Fact]
    public void RefreshRemoteTarget_ReinviteWithContact_NewTarget()
    {
        var dialog = SipDialog.CreateAsServer(Invite(), "us1")!;

        dialog.RefreshRemoteTarget(Invite().WithHeader("Contact", "<sip:13800138000@192.0.2.8:5090>"));

        Assert.Equal("192.0.2.8", dialog.RemoteTarget.Host);
    }
}

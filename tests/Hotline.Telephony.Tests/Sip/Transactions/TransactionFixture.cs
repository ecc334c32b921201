using System.Net;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transactions;
using Hotline.Telephony.Sip.Transport;
using Hotline.Telephony.Tests.Sip.Syntax;
using Hotline.Telephony.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hotline.Telephony.Tests.Sip.Transactions;

/// <summary>A transaction layer on a fake clock with recording sender and user, plus message helpers.</summary>
internal sealed class TransactionFixture
{
    public static readonly IPEndPoint Peer = new(IPAddress.Parse("192.0.2.7"), 5070);

    public TransactionFixture()
    {
        Layer = new SipTransactionLayer(Sender, Time, SipTimers.Default, NullLogger.Instance);
        Layer.Attach(User);
    }

    public FakeTimeProvider Time { get; } = new();

    public RecordingSender Sender { get; } = new();

    public RecordingUser User { get; } = new();

    public SipTransactionLayer Layer { get; }

    public static SipDestination Udp => new(SipTransportKind.Udp, Peer);

    public static SipDestination Tcp => new(SipTransportKind.Tcp, Peer, 1);

    public void Advance(double seconds) => Time.Advance(TimeSpan.FromSeconds(seconds));

    public ValueTask Receive(SipMessage message, SipTransportKind transport = SipTransportKind.Udp) =>
        Layer.OnInboundAsync(new SipInbound(message, transport, Peer, transport == SipTransportKind.Tcp ? 1 : null, transport == SipTransportKind.Tcp ? Tcp : Udp));

    public static SipRequest Request(string method, string branch = "z9hG4bKclient1", string sentBy = "192.0.2.7:5070") =>
        (SipRequest)SipText.ParseDatagram($"""
            {method} sip:1001@hotline.example SIP/2.0
            Via: SIP/2.0/UDP {sentBy};branch={branch}
            Max-Forwards: 70
            To: <sip:1001@hotline.example>
            From: <sip:12345@hotline.example>;tag=f1
            Call-ID: tx-{branch}
            CSeq: 7 {method}
            Content-Length: 0


            """);

    public static SipResponse ResponseTo(SipRequest request, int status, string toTag = "t9") =>
        SipResponseBuilder.For(request, status).WithToTag(toTag).Build();
}

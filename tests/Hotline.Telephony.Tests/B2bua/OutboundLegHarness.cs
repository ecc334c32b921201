using System.Globalization;
using System.Net;
using System.Text;
using Hotline.Telephony.B2bua;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transactions;
using Hotline.Telephony.Tests.Sip.Transactions;
using Hotline.Telephony.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Hotline.Telephony.Tests.B2bua;

/// <summary>
/// An outgoing leg over the transaction layer on a fake clock, with the recording sender standing in for
/// the agent's phone: the test plays the phone's responses and requests and reads what the leg sent.
/// </summary>
internal sealed class OutboundLegHarness
{
    public const string AgentTag = "agent1";

    public const string AnswerSdp = "v=0\r\no=agent 7 7 IN IP4 192.0.2.7\r\ns=-\r\nc=IN IP4 192.0.2.7\r\nt=0 0\r\n"
        + "m=audio 50000 RTP/AVP 8 101\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\n";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public OutboundLegHarness(TimeSpan? ringTimeout = null, bool offerSrtp = false)
    {
        Service = new OutboundLegService(Fixture.Layer, _ => new IPEndPoint(IPAddress.Loopback, 5060), Fixture.Time, SipTimers.Default, Logs.CreateFactory().CreateLogger("legs"), "hotline.local");
        Leg = Service.Start(new OutboundLegRequest(
            SipUri.Parse("sip:1001@192.0.2.7:5070;transport=udp"),
            TransactionFixture.Udp,
            "13800138000",
            "Citizen",
            "sip:1001@hotline.local",
            new IPEndPoint(IPAddress.Loopback, 40000),
            ringTimeout ?? TimeSpan.FromSeconds(20),
            offerSrtp));
        Invite = Sent("INVITE").Single();
    }

    public TransactionFixture Fixture { get; } = new();

    public RecordingLoggerProvider Logs { get; } = new();

    public OutboundLegService Service { get; }

    public OutboundLeg Leg { get; }

    public SipRequest Invite { get; }

    public RecordingSender Sender => Fixture.Sender;

    /// <summary>The CSeq number of the phone's last in-dialog request; the next one is one higher.</summary>
    public long PeerCSeq { get; set; } = 100;

    public List<SipRequest> Sent(string method)
    {
        lock (Sender.Sent)
        {
            return [.. Sender.Sent.Select(s => s.Message).OfType<SipRequest>().Where(r => r.Method == method)];
        }
    }

    public SipResponse LastResponse()
    {
        lock (Sender.Sent)
        {
            return Sender.Sent.Select(s => s.Message).OfType<SipResponse>().Last();
        }
    }

    public static SipResponse Respond(SipRequest request, int status, string? sdp = null, string toTag = AgentTag)
    {
        var builder = SipResponseBuilder.For(request, status).WithToTag(toTag);
        if (status > 100)
        {
            builder.WithHeader("Contact", "<sip:1001@192.0.2.7:5070>");
        }
        if (sdp is not null)
        {
            builder.WithBody("application/sdp", Encoding.UTF8.GetBytes(sdp));
        }
        return builder.Build();
    }

    public ValueTask Receive(SipMessage message) => Fixture.Receive(message);

    /// <summary>Rings, answers with <see cref="AnswerSdp"/>, and waits for the leg to report it.</summary>
    public async Task<OutboundLegResult> AnswerAsync(string sdp = AnswerSdp)
    {
        await Receive(Respond(Invite, 180));
        await Receive(Respond(Invite, 200, sdp));
        return await CompletionAsync();
    }

    public Task<OutboundLegResult> CompletionAsync() => Leg.Completion.WaitAsync(Patience);

    /// <summary>A request from the phone inside the dialog; the layer hands it to the recording TU, which we route to the service.</summary>
    public async Task<ISipServerTransaction> PeerRequestAsync(string method, string? contentType = null, string? body = null, params (string Name, string Value)[] extra)
    {
        var cseq = ++PeerCSeq;
        var headers = new List<SipHeader>
        {
            new("Via", $"SIP/2.0/UDP 192.0.2.7:5070;branch=z9hG4bKpeer{cseq}"),
            new("Max-Forwards", "70"),
            new("From", Invite.To.WithTag(AgentTag).ToString()),
            new("To", Invite.Headers["From"]!),
            new("Call-ID", Invite.CallId),
            new("CSeq", cseq.ToString(CultureInfo.InvariantCulture) + " " + method),
            new("Contact", "<sip:1001@192.0.2.7:5070>"),
        };
        headers.AddRange(extra.Select(e => new SipHeader(e.Name, e.Value)));
        if (contentType is not null)
        {
            headers.Add(new SipHeader("Content-Type", contentType));
        }
        var request = SipRequest.Create(method, SipUri.Parse("sip:hotline@127.0.0.1:5060"), new SipHeaderCollection(headers), Encoding.UTF8.GetBytes(body ?? string.Empty));
        var before = Fixture.User.Requests.Count;
        await Receive(request);
        var transaction = Fixture.User.Requests[before];
        Assert.True(Service.TryHandleInDialog(transaction), $"{method} matched no leg");
        return transaction;
    }

    /// <summary>Waits for a condition that an asynchronous continuation satisfies (bounded; not a timing assertion).</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < Patience, "timed out waiting for " + what);
            await Task.Delay(10);
        }
    }
}

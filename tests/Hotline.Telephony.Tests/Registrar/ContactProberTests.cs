using System.Net;
using Hotline.Telephony.Registrar;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Tests.Sip.Transactions;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hotline.Telephony.Tests.Registrar;

public sealed class ContactProberTests : IAgentRegistrationListener
{
    private readonly List<AgentRegistrationChange> _changes = [];

    void IAgentRegistrationListener.OnRegistrationChanged(AgentRegistrationChange change) => _changes.Add(change);

    private (TransactionFixture Fixture, RegistrationTable Table, ContactProber Prober) Start()
    {
        var f = new TransactionFixture();
        var table = new RegistrationTable(f.Time, [this], 5, NullLogger.Instance);
        var update = new RegistrationUpdate("1001", "reg-1", 1, false, [new ContactRequest(SipUri.Parse("sip:1001@192.0.2.7:5070"), 3600)], TransactionFixture.Udp);
        table.Apply(update, out _);
        var prober = new ContactProber(table, f.Layer, _ => new IPEndPoint(IPAddress.Loopback, 5060), "hotline.local", f.Time, TimeSpan.FromSeconds(60), NullLogger.Instance);
        return (f, table, prober);
    }

    [Fact]
    public async Task Probe_PhoneSilent_ContactRemovedAsUnreachableAfterTimerF()
    {
        var (f, table, prober) = Start();
        using var _ = prober;

        f.Advance(60);
        Assert.Equal(1, f.Sender.CountRequests("OPTIONS"));
        f.Advance(31.9);
        Assert.Single(table.GetContacts("1001"));
        f.Advance(0.1);
        await prober.LastRound;

        Assert.Empty(table.GetContacts("1001"));
        Assert.Equal(RegistrationChangeKind.Unreachable, _changes[^1].Kind);
    }

    [Fact]
    public async Task Probe_PhoneAnswersEvenWithError_ContactKept()
    {
        var (f, table, prober) = Start();
        using var _ = prober;

        f.Advance(60);
        var options = (SipRequest)f.Sender.Sent.Single().Message;
        await f.Receive(SipResponseBuilder.For(options, 405).Build());
        f.Advance(40);
        await prober.LastRound;

        Assert.Single(table.GetContacts("1001"));
        Assert.Equal("sip:1001@192.0.2.7:5070", options.RequestUri.ToString());
        Assert.Equal([RegistrationChangeKind.Registered], _changes.Select(c => c.Kind));
    }
}

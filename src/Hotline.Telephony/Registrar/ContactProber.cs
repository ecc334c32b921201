using System.Net;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transactions;
using Hotline.Telephony.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace Hotline.Telephony.Registrar;

/// <summary>
/// Sends OPTIONS (RFC 3261 §11) to every registered contact on a fixed interval, over the path its
/// REGISTER came in on. Any response proves the phone is there; a timeout or transport error removes
/// the contact at once, so an agent whose phone vanished leaves routing without waiting for the lapse.
/// </summary>
internal sealed class ContactProber : IDisposable
{
    private readonly RegistrationTable _table;
    private readonly SipTransactionLayer _transactions;
    private readonly Func<SipTransportKind, IPEndPoint> _localEndPoint;
    private readonly string _domain;
    private readonly ILogger _logger;
    private readonly ITimer _timer;

    public ContactProber(RegistrationTable table, SipTransactionLayer transactions, Func<SipTransportKind, IPEndPoint> localEndPoint, string domain, TimeProvider time, TimeSpan interval, ILogger logger)
    {
        _table = table;
        _transactions = transactions;
        _localEndPoint = localEndPoint;
        _domain = domain;
        _logger = logger;
        _timer = time.CreateTimer(_ => ProbeAll(), null, interval, interval);
    }

    /// <summary>The probes of the latest round, complete once each contact answered or was removed.</summary>
    public Task LastRound { get; private set; } = Task.CompletedTask;

    public void ProbeAll() =>
        LastRound = Task.WhenAll(_table.SnapshotAll().Select(entry => ProbeAsync(entry.AgentId, entry.Contact)));

    private async Task ProbeAsync(string agentId, AgentContact contact)
    {
        if (!SipUri.TryParse(contact.ContactUri, out var target))
        {
            return;
        }
        var transport = SipTransportNames.Via(contact.ReachVia.Transport);
        var headers = new SipHeaderCollection(
        [
            new SipHeader(SipHeaderNames.Via, $"SIP/2.0/{transport} {_localEndPoint(contact.ReachVia.Transport)};branch={SipIdentifiers.NewBranch()};rport"),
            new SipHeader(SipHeaderNames.MaxForwards, "70"),
            new SipHeader(SipHeaderNames.From, $"<sip:hotline@{_domain}>;tag={SipIdentifiers.NewTag()}"),
            new SipHeader(SipHeaderNames.To, "<" + contact.ContactUri + ">"),
            new SipHeader(SipHeaderNames.CallId, SipIdentifiers.NewCallId()),
            new SipHeader(SipHeaderNames.CSeq, "1 OPTIONS"),
        ]);
        var result = await _transactions.SendRequestAsync(SipRequest.Create(SipMethods.Options, target, headers), contact.ReachVia).ConfigureAwait(false);
        if (result.Failure != SipClientFailure.None)
        {
            RegistrarLog.ContactUnreachable(_logger, agentId, contact.ContactUri, result.Failure);
            _table.RemoveUnreachable(agentId, contact.ContactUri);
        }
    }

    public void Dispose() => _timer.Dispose();
}

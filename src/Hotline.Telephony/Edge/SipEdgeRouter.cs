using System.Net;
using Hotline.Telephony.B2bua;
using Hotline.Telephony.Registrar;
using Hotline.Telephony.Sip;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transactions;
using Hotline.Telephony.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace Hotline.Telephony.Edge;

/// <summary>
/// The edge's transaction user: screens every request (URI scheme, Max-Forwards, Require), hands
/// REGISTER to the registrar, answers OPTIONS, admits INVITEs only from trunks or authenticated agents,
/// and answers the rest with the status RFC 3261 prescribes.
/// </summary>
internal sealed partial class SipEdgeRouter : ISipTransactionUser
{
    /// <summary>Methods the edge implements; the Allow header lists them (§20.5).</summary>
    public const string Allowed = "INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER, INFO, REFER";

    private static readonly HashSet<string> KnownButNotAllowed =
        ["SUBSCRIBE", "NOTIFY", "PUBLISH", "MESSAGE", "UPDATE", "PRACK"];

    private static readonly HashSet<string> InDialogOnly = ["BYE", "INFO", "UPDATE", "PRACK", "REFER", "NOTIFY"];

    private readonly SipRegistrar _registrar;
    private readonly DigestAuthenticator _authenticator;
    private readonly IAgentCredentialStore _credentials;
    private readonly SipTransactionLayer _transactions;
    private readonly InboundCallService _calls;
    private readonly OutboundLegService _legs;
    private readonly HashSet<IPAddress> _trunks;
    private readonly HashSet<string> _hotlineNumbers;
    private readonly string _serverName;
    private readonly ILogger _logger;
    private readonly SipSourceGuard? _guard;

    public SipEdgeRouter(SipOptions options, SipRegistrar registrar, DigestAuthenticator authenticator, IAgentCredentialStore credentials, SipTransactionLayer transactions, InboundCallService calls, OutboundLegService legs, ILogger logger, SipSourceGuard? guard = null)
    {
        _guard = guard;
        _calls = calls;
        _legs = legs;
        _registrar = registrar;
        _authenticator = authenticator;
        _credentials = credentials;
        _transactions = transactions;
        _trunks = [.. options.Trunks.Select(t => IPAddress.Parse(t.Address))];
        _hotlineNumbers = [.. options.HotlineNumbers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        _serverName = options.ServerName;
        _logger = logger;
    }

    /// <summary>Agents' own calls (extensions, outside numbers); without it they are refused as before.</summary>
    public Calls.AgentInvites? AgentInvites { get; set; }

    public async ValueTask OnRequestAsync(ISipServerTransaction transaction)
    {
        if (_guard is not null)
        {
            transaction = new StrikingTransaction(transaction, _guard);
        }
        var request = transaction.Request;
        var screened = Screen(request);
        if (screened is not null)
        {
            Respond(transaction, screened);
            return;
        }
        switch (request.Method)
        {
            case SipMethods.Register:
                await _registrar.HandleAsync(transaction, CancellationToken.None).ConfigureAwait(false);
                return;
            case SipMethods.Options:
                Respond(transaction, Options(request));
                return;
            case SipMethods.Invite:
                var refusal = await AdmitInviteAsync(transaction).ConfigureAwait(false);
                if (refusal is not null)
                {
                    Respond(transaction, refusal);
                }
                return;
            case SipMethods.Cancel:
                Cancel(transaction);
                return;
        }
        if (request.To.Tag is not null && TryHandleInDialog(transaction))
        {
            return;
        }
        Respond(transaction, Refuse(request));
    }

    /// <summary>An ACK for a 2xx belongs to its dialog (§13.3.1.4); one matching no dialog is dropped (§17.2.3).</summary>
    public ValueTask OnStrayAckAsync(SipInbound ack)
    {
        var request = (SipRequest)ack.Message;
        _ = _calls.TryHandleAck(request) || _legs.TryHandleAck(request);
        return ValueTask.CompletedTask;
    }

    /// <summary>A request with a To tag belongs to a caller's dialog or to an outgoing leg's (§12.2.2).</summary>
    private bool TryHandleInDialog(ISipServerTransaction transaction) =>
        _calls.TryHandleInDialog(transaction) || _legs.TryHandleInDialog(transaction);

    /// <summary>Checks every request passes before its method is considered.</summary>
    private static SipResponse? Screen(SipRequest request)
    {
        if (!request.RequestUri.IsSip)
        {
            return Reply(request, 416); // §8.2.2.1
        }
        if (request.MaxForwards == 0 && request.Method != SipMethods.Options)
        {
            return Reply(request, 483); // §16.3 step 3, applied by this B2BUA as the request's last hop
        }
        var required = request.Headers[SipHeaderNames.Require];
        if (required is not null && request.Method is not (SipMethods.Cancel or SipMethods.Ack))
        {
            // §8.2.2.3: we support no extension that a client may require.
            return SipResponseBuilder.For(request, 420).WithHeader(SipHeaderNames.Unsupported, required).Build();
        }
        return null;
    }

    private SipResponse Options(SipRequest request) =>
        SipResponseBuilder.For(request, 200)
            .WithHeader(SipHeaderNames.Allow, Allowed)
            .WithHeader(SipHeaderNames.Accept, "application/sdp")
            .WithHeader(SipHeaderNames.Server, _serverName)
            .Build();

    /// <summary>§9.2: a CANCEL for a pending INVITE ends it with 487; one matching nothing gets 481.</summary>
    private void Cancel(ISipServerTransaction transaction)
    {
        var invite = _transactions.FindInviteFor(transaction.Request);
        if (invite is null)
        {
            Respond(transaction, Reply(transaction.Request, 481));
            return;
        }
        Respond(transaction, Reply(transaction.Request, 200));
        invite.Respond(Reply(invite.Request, 487));
    }

    private static SipResponse Refuse(SipRequest request)
    {
        if (InDialogOnly.Contains(request.Method))
        {
            return Reply(request, 481); // §12.2.2: no dialog matches
        }
        if (KnownButNotAllowed.Contains(request.Method))
        {
            return SipResponseBuilder.For(request, 405).WithHeader(SipHeaderNames.Allow, Allowed).Build();
        }
        return SipResponseBuilder.For(request, 501).WithHeader(SipHeaderNames.Allow, Allowed).Build(); // §21.5.2
    }

    private void Respond(ISipServerTransaction transaction, SipResponse response)
    {
        SipEdgeLog.Answered(_logger, transaction.Request.Method, response.StatusCode);
        transaction.Respond(response);
    }

    private static SipResponse Reply(SipRequest request, int status, string? reason = null) =>
        SipResponseBuilder.For(request, status, reason).Build();
}

using System.Globalization;
using System.Net;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transactions;
using Hotline.Telephony.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace Hotline.Telephony.Registrar;

/// <summary>
/// Processes REGISTER as RFC 3261 §10.3 lays out: check the domain, authenticate by digest, check the
/// authenticated user owns the address-of-record sip:&lt;agent_id&gt;@domain, then add, refresh or remove
/// bindings and answer with all current contacts.
/// </summary>
internal sealed class SipRegistrar
{
    private readonly IAgentCredentialStore _credentials;
    private readonly DigestAuthenticator _authenticator;
    private readonly RegistrationTable _table;
    private readonly RegisterContactReader _contacts;
    private readonly string _domain;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public SipRegistrar(IAgentCredentialStore credentials, DigestAuthenticator authenticator, RegistrationTable table, RegistrarOptions options, string domain, TimeProvider time, ILogger logger)
    {
        _credentials = credentials;
        _authenticator = authenticator;
        _table = table;
        _contacts = new RegisterContactReader(options);
        _domain = domain;
        _time = time;
        _logger = logger;
    }

    public async ValueTask HandleAsync(ISipServerTransaction transaction, CancellationToken cancellationToken)
    {
        var request = transaction.Request;
        var response = await ProcessAsync(request, transaction, cancellationToken).ConfigureAwait(false);
        RegistrarLog.Answered(_logger, request.To.Uri.User ?? "?", response.StatusCode);
        transaction.Respond(response);
    }

    private async ValueTask<SipResponse> ProcessAsync(SipRequest request, ISipServerTransaction transaction, CancellationToken cancellationToken)
    {
        // Step 1: this registrar serves one domain (an IP literal of ours is accepted: phones often use it).
        if (!request.RequestUri.IsSip || !IsOurHost(request.RequestUri.Host))
        {
            return Reply(request, 404, "Domain Not Served");
        }
        var agentId = request.To.Uri.UnescapedUser;
        if (!request.To.Uri.IsSip || agentId is null || !IsOurHost(request.To.Uri.Host))
        {
            return Reply(request, 404);
        }
        // Steps 3-6: authenticate, then the authenticated user must be the agent being registered.
        var credentials = _authenticator.ReadCredentials(request);
        if (credentials is null)
        {
            return Challenge(request, stale: false);
        }
        if (credentials.Username != agentId)
        {
            return Reply(request, 403, "Credentials Do Not Match Address-of-Record");
        }
        var agent = await _credentials.FindAsync(agentId, cancellationToken).ConfigureAwait(false);
        if (agent is null)
        {
            // Unknown agents are challenged like a wrong password, so the edge does not reveal which ids exist.
            return Challenge(request, stale: false);
        }
        switch (_authenticator.Verify(request, credentials, agent))
        {
            case DigestOutcome.Challenge:
                return Challenge(request, stale: false);
            case DigestOutcome.StaleNonce:
                return Challenge(request, stale: true);
            case DigestOutcome.Forbidden:
                return Reply(request, 403);
        }
        return Bind(request, transaction, agentId);
    }

    private SipResponse Bind(SipRequest request, ISipServerTransaction transaction, string agentId)
    {
        if (!_contacts.TryRead(request, transaction.Inbound, out var contacts, out var removeAll, out var error))
        {
            return error!;
        }
        if (!removeAll && contacts.Count == 0)
        {
            return Ok(request, _table.GetContacts(agentId)); // §10.3 step 7: a query.
        }
        var update = new RegistrationUpdate(agentId, request.CallId, request.CSeq.Number, removeAll, contacts, transaction.Inbound.ResponseTo,
            transaction.Inbound.Transport == SipTransportKind.Tls);
        return _table.Apply(update, out var current) switch
        {
            RegistrationResult.OutOfOrder => Reply(request, 500, "Out Of Order Registration"),
            RegistrationResult.TooManyContacts => Reply(request, 403, "Too Many Contacts"),
            _ => Ok(request, current),
        };
    }

    private SipResponse Ok(SipRequest request, IReadOnlyList<AgentContact> contacts)
    {
        var now = _time.GetUtcNow();
        var builder = SipResponseBuilder.For(request, 200);
        foreach (var contact in contacts)
        {
            var remaining = Math.Max(0, (int)Math.Ceiling((contact.ExpiresAt - now).TotalSeconds));
            builder.WithHeader(SipHeaderNames.Contact, "<" + contact.ContactUri + ">;expires=" + remaining.ToString(CultureInfo.InvariantCulture));
        }
        return builder.WithHeader(SipHeaderNames.Date, now.ToString("r", CultureInfo.InvariantCulture)).Build();
    }

    private SipResponse Challenge(SipRequest request, bool stale)
    {
        var builder = SipResponseBuilder.For(request, 401);
        foreach (var challenge in _authenticator.CreateChallenges(stale))
        {
            builder.WithHeader(SipHeaderNames.WwwAuthenticate, challenge);
        }
        return builder.Build();
    }

    private static SipResponse Reply(SipRequest request, int status, string? reason = null) =>
        SipResponseBuilder.For(request, status, reason).Build();

    private bool IsOurHost(string host) =>
        string.Equals(host, _domain, StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(host.Trim('[', ']'), out _);
}

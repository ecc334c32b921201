using Hotline.Telephony.Registrar;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transactions;

namespace Hotline.Telephony.Edge;

internal sealed partial class SipEdgeRouter
{
    /// <summary>
    /// Toll-fraud screen. A trunk may only call a hotline number. Anyone else must authenticate as an
    /// agent (407, RFC 3261 §22.3); its calls to other agents and outside numbers go to
    /// <see cref="AgentInvites"/>, which applies the toll-fraud rules. Trunk calls to the hotline go to the
    /// call service (null: it answers); an agent calling the hotline itself is not served (480).
    /// </summary>
    private async ValueTask<SipResponse?> AdmitInviteAsync(ISipServerTransaction transaction)
    {
        var request = transaction.Request;
        var target = request.RequestUri.UnescapedUser ?? string.Empty;
        var source = transaction.Inbound.Remote.ToString();
        if (request.To.Tag is not null)
        {
            // A re-INVITE: its dialog's call answers it, or no dialog matches (§12.2.2).
            return TryHandleInDialog(transaction) ? null : Reply(request, 481);
        }
        if (_trunks.Contains(transaction.Inbound.Remote.Address))
        {
            if (!_hotlineNumbers.Contains(target))
            {
                SipEdgeLog.CallRefused(_logger, source, target, "trunk call to a number that is not the hotline");
                return Reply(request, 404);
            }
            _calls.Accept(transaction);
            return null;
        }
        var credentials = ReadProxyCredentials(request);
        if (credentials is null)
        {
            return ProxyChallenge(request, stale: false);
        }
        var agent = credentials.Username is { } username ? await _credentials.FindAsync(username, CancellationToken.None).ConfigureAwait(false) : null;
        var outcome = agent is null ? DigestOutcome.Challenge : _authenticator.Verify(request, credentials, agent);
        switch (outcome)
        {
            case DigestOutcome.Challenge:
            case DigestOutcome.Forbidden:
                SipEdgeLog.CallRefused(_logger, source, target, "not a trunk and not an authenticated agent");
                return ProxyChallenge(request, stale: false);
            case DigestOutcome.StaleNonce:
                return ProxyChallenge(request, stale: true);
        }
        if (!_hotlineNumbers.Contains(target) && AgentInvites is { } invites)
        {
            if (await invites.TryAcceptAsync(agent!.AgentId, target, transaction, _calls).ConfigureAwait(false) is not { } refused)
            {
                return null;
            }
            SipEdgeLog.CallRefused(_logger, source, target, refused.Reason);
            return Reply(request, refused.Status, refused.Reason);
        }
        if (!_hotlineNumbers.Contains(target))
        {
            SipEdgeLog.CallRefused(_logger, source, target, "agents may not call outside numbers");
            return Reply(request, 403, "Outbound Calls Not Permitted");
        }
        return Reply(request, 480, "Hotline Call Handling Not Enabled");
    }

    private DigestCredentials? ReadProxyCredentials(SipRequest request)
    {
        foreach (var line in request.Headers.GetLines(SipHeaderNames.ProxyAuthorization))
        {
            if (DigestCredentials.TryParse(line, out var credentials) && credentials.Realm == _authenticator.Realm)
            {
                return credentials;
            }
        }
        return null;
    }

    private SipResponse ProxyChallenge(SipRequest request, bool stale)
    {
        var builder = SipResponseBuilder.For(request, 407);
        foreach (var challenge in _authenticator.CreateChallenges(stale))
        {
            builder.WithHeader(SipHeaderNames.ProxyAuthenticate, challenge);
        }
        return builder.Build();
    }
}

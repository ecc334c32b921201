using System.Collections.Concurrent;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace Hotline.Telephony.Sip.Transactions;

/// <summary>
/// Matches inbound messages to transactions (RFC 3261 §17.1.3, §17.2.3), creates server transactions
/// for new requests and hands them to the TU, and runs client transactions for requests the TU sends.
/// </summary>
internal sealed class SipTransactionLayer
{
    private readonly ConcurrentDictionary<SipTransactionKey, SipTransaction> _server = new();
    private readonly ConcurrentDictionary<SipTransactionKey, SipTransaction> _client = new();
    private readonly ISipSender _sender;
    private readonly TimeProvider _time;
    private readonly SipTimers _timers;
    private readonly ILogger _logger;
    private ISipTransactionUser? _user;

    public SipTransactionLayer(ISipSender sender, TimeProvider time, SipTimers timers, ILogger logger)
    {
        _sender = sender;
        _time = time;
        _timers = timers;
        _logger = logger;
    }

    public int ServerTransactionCount => _server.Count;

    public int ClientTransactionCount => _client.Count;

    /// <summary>Raised when an INVITE server transaction's final non-2xx response is never ACKed (Timer H).</summary>
    public event Action<ISipServerTransaction>? NoAckReceived;

    public void Attach(ISipTransactionUser user) => _user = user;

    /// <summary>The transport's handler: every parsed message arrives here.</summary>
    public ValueTask OnInboundAsync(SipInbound inbound)
    {
        if (inbound.Message is SipResponse response)
        {
            OnResponse(response);
            return ValueTask.CompletedTask;
        }
        return OnRequestAsync(inbound);
    }

    /// <summary>Sends a request in a new client transaction; the request's top Via must carry a fresh branch.</summary>
    public Task<SipClientResult> SendRequestAsync(SipRequest request, SipDestination destination, Action<SipResponse>? onProvisional = null, Action<SipResponse>? onAdditional2xx = null)
    {
        var context = CreateContext(_client);
        if (request.Method == SipMethods.Invite)
        {
            var invite = new InviteClientTransaction(request, destination, context, onProvisional, onAdditional2xx);
            _client[invite.Key] = invite;
            invite.Start();
            return invite.Result;
        }
        var transaction = new NonInviteClientTransaction(request, destination, context, onProvisional);
        _client[transaction.Key] = transaction;
        transaction.Start();
        return transaction.Result;
    }

    /// <summary>
    /// Sends a message outside any transaction: the UAC's ACK for a 2xx, which belongs to the dialog and is
    /// re-sent by the TU for each retransmitted 2xx (RFC 3261 §13.2.2.4, RFC 6026 §8.1). False when the
    /// transport failed.
    /// </summary>
    public async Task<bool> SendOutsideTransactionAsync(SipMessage message, SipDestination destination)
    {
        try
        {
            await _sender.SendAsync(SipMessageWriter.ToBytes(message), destination, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (SipTransportException exception)
        {
            SipTransactionLog.TransportError(_logger, message.CSeq.Method, exception.Message);
            return false;
        }
    }

    /// <summary>The INVITE server transaction a CANCEL refers to (§9.2: same key, method INVITE).</summary>
    public ISipServerTransaction? FindInviteFor(SipRequest cancel)
    {
        var key = SipTransactionKey.ForServer(cancel) with { Method = SipMethods.Invite };
        return _server.GetValueOrDefault(key) as ISipServerTransaction;
    }

    private void OnResponse(SipResponse response)
    {
        if (_client.TryGetValue(SipTransactionKey.ForClient(response), out var transaction))
        {
            switch (transaction)
            {
                case InviteClientTransaction invite:
                    invite.OnResponse(response);
                    break;
                case NonInviteClientTransaction other:
                    other.OnResponse(response);
                    break;
            }
            return;
        }
        SipTransactionLog.StrayResponse(_logger, response.CSeq.ToString());
    }

    private async ValueTask OnRequestAsync(SipInbound inbound)
    {
        var request = (SipRequest)inbound.Message;
        var key = SipTransactionKey.ForServer(request);
        if (_server.TryGetValue(key, out var existing))
        {
            Absorb(existing, request);
            return;
        }
        if (request.Method == SipMethods.Ack)
        {
            await CallUserAsync(request.Method, user => user.OnStrayAckAsync(inbound)).ConfigureAwait(false);
            return;
        }
        var context = CreateContext(_server);
        SipTransaction created = request.Method == SipMethods.Invite
            ? new InviteServerTransaction(inbound, context, t => NoAckReceived?.Invoke(t))
            : new NonInviteServerTransaction(inbound, context);
        if (!_server.TryAdd(key, created))
        {
            // A copy raced us in and owns the request. It may already have ended (a failed send ends it at once):
            // then this copy is a late retransmission of a finished transaction and is dropped.
            if (_server.TryGetValue(key, out var winner))
            {
                Absorb(winner, request);
            }
            return;
        }
        (created as InviteServerTransaction)?.Start();
        var server = (ISipServerTransaction)created;
        if (!await CallUserAsync(request.Method, user => user.OnRequestAsync(server)).ConfigureAwait(false))
        {
            // RFC 3261 §21.5.1: a failure inside the TU still owes the client a final response.
            server.Respond(SipResponseBuilder.For(request, 500).Build());
        }
    }

    private static void Absorb(SipTransaction transaction, SipRequest request)
    {
        switch (transaction)
        {
            case InviteServerTransaction invite when request.Method == SipMethods.Ack:
                invite.OnAck();
                break;
            case InviteServerTransaction invite:
                invite.OnRetransmission();
                break;
            case NonInviteServerTransaction other:
                other.OnRetransmission();
                break;
        }
    }

    private async ValueTask<bool> CallUserAsync(string method, Func<ISipTransactionUser, ValueTask> call)
    {
        if (_user is null)
        {
            return false;
        }
        try
        {
            await call(_user).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception)
        {
            SipTransactionLog.UserFailed(_logger, method, exception);
            return false;
        }
    }

    private SipTransactionContext CreateContext(ConcurrentDictionary<SipTransactionKey, SipTransaction> table) =>
        new(_sender, _time, _timers, _logger, transaction => table.TryRemove(new KeyValuePair<SipTransactionKey, SipTransaction>(transaction.Key, transaction)));
}

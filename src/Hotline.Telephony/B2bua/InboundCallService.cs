using System.Globalization;
using System.Net;
using System.Text;
using Hotline.Telephony.Media.Rtp;
using Hotline.Telephony.Media.Srtp;
using Hotline.Telephony.Sdp;
using Hotline.Telephony.Sip.Dialogs;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transactions;
using Hotline.Telephony.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace Hotline.Telephony.B2bua;

/// <summary>
/// Accepts admitted INVITEs to the hotline number: reserves an RTP port, negotiates G.711 (RFC 3264 via SdpOfferAnswer),
/// rings, answers, and routes in-dialog requests (ACK, BYE) to the call. The skeleton of the B2BUA:
/// queueing, IVR, agent legs and media relay build on these calls.
/// </summary>
internal sealed class InboundCallService
{
    private const string AllowedInDialog = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO";

    private readonly SipDialogTable<InboundCall> _dialogs = new();
    private readonly RtpPortAllocator _ports;
    private readonly Func<SipTransportKind, IPEndPoint> _localEndPoint;
    private readonly ILogger _logger;

    public InboundCallService(SipTransactionLayer transactions, RtpPortAllocator ports, Func<SipTransportKind, IPEndPoint> localEndPoint, TimeProvider time, SipTimers timers, ILogger logger)
    {
        Transactions = transactions;
        _ports = ports;
        _localEndPoint = localEndPoint;
        Time = time;
        Timers = timers;
        _logger = logger;
    }

    public SipTransactionLayer Transactions { get; }

    public TimeProvider Time { get; }

    public SipTimers Timers { get; }

    public IReadOnlyCollection<InboundCall> Calls => _dialogs.All;

    /// <summary>Told of every answered call (the call center takes it from there); runs on the SIP path.</summary>
    public Action<InboundCall>? Arrived { get; set; }

    /// <param name="arrived">Told of this call instead of <see cref="Arrived"/> (an agent's own call is not the call center's).</param>
    public void Accept(ISipServerTransaction invite, Action<InboundCall>? arrived = null)
    {
        var request = invite.Request;
        if (request.ContentType is not { } type || !type.StartsWith("application/sdp", StringComparison.OrdinalIgnoreCase) || request.Body.IsEmpty)
        {
            // No offer in the INVITE (offer in the 2xx, RFC 3261 §13.2.1) is not supported yet.
            Refuse(invite, 488, "INVITE without an SDP offer");
            return;
        }
        if (!SdpParser.TryParse(Encoding.UTF8.GetString(request.Body.Span), out var offer, out var failure))
        {
            // An offer we cannot read is a bad request (RFC 3261 §21.4.1), not an unacceptable one.
            Refuse(invite, failure.SipStatusCode, failure.ToString());
            return;
        }
        // Both relay ports are taken now: a call that cannot reach an agent with media is refused up front.
        var relay = RtpRelay.TryStart(_ports);
        if (relay is null)
        {
            Refuse(invite, 503, "RTP ports exhausted");
            return;
        }
        var media = new SdpLocalMedia
        {
            Address = _ports.BindAddress.ToString(),
            Port = relay.Caller.LocalPort,
            SessionId = Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            // A phone that offers SDES-SRTP gets it; a fresh key per call (RFC 4568 §6.1), unused for plain offers.
            SrtpKey = SrtpMasterKey.Generate(),
        };
        if (!SdpOfferAnswer.TryAnswer(offer, media, out var negotiation, out var rejection))
        {
            _ = relay.DisposeAsync();
            Refuse(invite, rejection.SipStatusCode, rejection.Detail, rejection.WarningCode);
            return;
        }
        var localTag = SipIdentifiers.NewTag();
        var dialog = SipDialog.CreateAsServer(request, localTag);
        if (dialog is null)
        {
            _ = relay.DisposeAsync();
            Refuse(invite, 400, "INVITE without a usable Contact or From tag");
            return;
        }
        var sdp = SdpWriter.Write(negotiation.Local);
        invite.Respond(SipResponseBuilder.For(request, 180).WithToTag(localTag).Build());
        var ok = SipResponseBuilder.For(request, 200).WithToTag(localTag)
            .WithHeader(SipHeaderNames.Contact, Contact(invite.Inbound.Transport))
            .WithHeader(SipHeaderNames.Allow, AllowedInDialog)
            .WithBody("application/sdp", Encoding.UTF8.GetBytes(sdp))
            .Build();
        if (IPAddress.TryParse(negotiation.RemoteAddress, out var remoteAddress))
        {
            relay.Caller.SetSignalledRemote(new IPEndPoint(remoteAddress, negotiation.RemotePort));
        }
        relay.Caller.Secure(negotiation.Srtp);
        var call = new InboundCall(this, invite, dialog, ok, relay, negotiation);
        _dialogs.TryAdd(dialog.Id, call);
        B2buaLog.Answered(_logger, request.CallId, request.From.Uri.ToString(), request.RequestUri.User ?? string.Empty, negotiation.Codec.EncodingName);
        call.Start();
        (arrived ?? Arrived)?.Invoke(call);
    }

    /// <summary>Routes a request carrying our To tag; false when no dialog matches (the caller answers 481).</summary>
    public bool TryHandleInDialog(ISipServerTransaction transaction)
    {
        var request = transaction.Request;
        var call = _dialogs.Find(request);
        if (call is null)
        {
            return false;
        }
        if (!call.Dialog.AcceptRemoteCSeq(request))
        {
            transaction.Respond(SipResponseBuilder.For(request, 500, "CSeq Out Of Order").Build());
            return true;
        }
        switch (request.Method)
        {
            case SipMethods.Bye:
                call.OnBye(transaction);
                break;
            case SipMethods.Invite:
                call.OnReInvite(transaction);
                break;
            case SipMethods.Info:
                call.OnInfo(transaction);
                break;
            default:
                transaction.Respond(SipResponseBuilder.For(request, 405).WithHeader(SipHeaderNames.Allow, AllowedInDialog).Build());
                break;
        }
        return true;
    }

    public bool TryHandleAck(SipRequest ack)
    {
        var call = _dialogs.Find(ack);
        call?.OnAck();
        return call is not null;
    }

    public InboundCall? Find(string callId) => _dialogs.All.FirstOrDefault(c => c.Dialog.Id.CallId == callId);

    internal SipRequest CreateRequest(InboundCall call, string method)
    {
        var local = _localEndPoint(call.Source.Transport);
        return call.Dialog.CreateRequest(method, local.ToString(), SipTransportNames.Via(call.Source.Transport), Contact(call.Source.Transport));
    }

    /// <summary>
    /// Where in-dialog requests go: the remote target when it names an IP address (§12.2.1.1), reusing the
    /// INVITE's connection if it is the same peer; otherwise back to where the INVITE came from.
    /// </summary>
    internal SipDestination DestinationOf(InboundCall call)
    {
        var target = call.Dialog.RemoteTarget;
        if (IPAddress.TryParse(target.Host.Trim('[', ']'), out var address))
        {
            var endPoint = new IPEndPoint(address, target.Port ?? 5060);
            if (!endPoint.Equals(call.Source.EndPoint) || call.Source.Transport == SipTransportKind.Udp)
            {
                return new SipDestination(call.Source.Transport, endPoint);
            }
        }
        return call.Source;
    }

    internal void OnEnded(InboundCall call)
    {
        _dialogs.Remove(call.Dialog.Id);
        _ = call.Relay.DisposeAsync().AsTask();
        B2buaLog.Ended(_logger, call.Dialog.Id.CallId, call.EndReason ?? "ended");
    }

    internal string Contact(SipTransportKind transport)
    {
        var local = _localEndPoint(transport);
        return string.Create(CultureInfo.InvariantCulture, $"<sip:hotline@{local};transport={SipTransportNames.UriParameter(transport)}>");
    }

    /// <summary>RFC 3261 §20.43: 399 is the generic warning; SDP refusals carry 304/305 instead.</summary>
    private void Refuse(ISipServerTransaction invite, int status, string reason, int warning = 399)
    {
        B2buaLog.Refused(_logger, invite.Request.CallId, reason);
        invite.Respond(SipResponseBuilder.For(invite.Request, status).WithHeader("Warning", string.Create(CultureInfo.InvariantCulture, $"{warning} hotline \"{reason}\"")).Build());
    }
}

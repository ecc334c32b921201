using System.Globalization;
using Hotline.Telephony.Sip.Syntax;

namespace Hotline.Telephony.Sip.Dialogs;

/// <summary>
/// Dialog state (RFC 3261 §12.1): identifiers, local and remote URIs with tags, the remote target from
/// Contact, the route set from Record-Route, and both CSeq spaces. Builds in-dialog requests (§12.2.1.1).
/// </summary>
internal sealed class SipDialog
{
    private readonly object _gate = new();
    private long _localCSeq;
    private long _remoteCSeq;
    private SipUri _remoteTarget;

    private SipDialog(DialogId id, NameAddressHeader local, NameAddressHeader remote, SipUri remoteTarget, IReadOnlyList<string> routeSet, long localCSeq, long remoteCSeq)
    {
        Id = id;
        Local = local;
        Remote = remote;
        _remoteTarget = remoteTarget;
        RouteSet = routeSet;
        _localCSeq = localCSeq;
        _remoteCSeq = remoteCSeq;
    }

    public DialogId Id { get; }

    public NameAddressHeader Local { get; }

    public NameAddressHeader Remote { get; }

    /// <summary>The peer's Contact; a target refresh (re-INVITE, §12.2.2) replaces it.</summary>
    public SipUri RemoteTarget
    {
        get
        {
            lock (_gate)
            {
                return _remoteTarget;
            }
        }
    }

    /// <summary>Record-Route values in the order the UAS keeps them (§12.1.1: as received).</summary>
    public IReadOnlyList<string> RouteSet { get; }

    /// <summary>§12.1.1: the UAS side of a dialog created by an INVITE and its 2xx.</summary>
    public static SipDialog? CreateAsServer(SipRequest invite, string localTag)
    {
        var contact = invite.Headers[SipHeaderNames.Contact];
        if (contact is null || !NameAddressHeader.TryParse(contact, out var target) || invite.From.Tag is null
            || !invite.Headers.TryGetValues(SipHeaderNames.RecordRoute, out var routes))
        {
            return null;
        }
        var id = new DialogId(invite.CallId, localTag, invite.From.Tag);
        // §12.1.1: the UAS's own sequence space starts wherever it likes; 1 keeps traces readable.
        return new SipDialog(id, invite.To.WithTag(localTag), invite.From, target.Uri, routes, 0, invite.CSeq.Number);
    }

    /// <summary>
    /// §12.1.2: the UAC side, from our INVITE and a 1xx (early dialog) or 2xx carrying a To tag. The route
    /// set is the response's Record-Route reversed; the remote target its Contact (the Request-URI when the
    /// peer sent none, so the dialog can still be ACKed and ended). The remote CSeq space starts empty.
    /// </summary>
    public static SipDialog? CreateAsClient(SipRequest invite, SipResponse response)
    {
        if (response.To.Tag is not { } remoteTag || invite.From.Tag is not { } localTag
            || !response.Headers.TryGetValues(SipHeaderNames.RecordRoute, out var routes))
        {
            return null;
        }
        var target = invite.RequestUri;
        var contact = response.Headers[SipHeaderNames.Contact];
        if (contact is not null && NameAddressHeader.TryParse(contact, out var address))
        {
            target = address.Uri;
        }
        routes.Reverse();
        var id = new DialogId(invite.CallId, localTag, remoteTag);
        return new SipDialog(id, invite.From, response.To, target, routes, invite.CSeq.Number, -1);
    }

    /// <summary>§12.2.2: a target refresh request (re-INVITE) that carries a Contact replaces the remote target.</summary>
    public void RefreshRemoteTarget(SipRequest request)
    {
        var contact = request.Headers[SipHeaderNames.Contact];
        if (contact is not null && NameAddressHeader.TryParse(contact, out var address) && address.Uri.IsSip)
        {
            lock (_gate)
            {
                _remoteTarget = address.Uri;
            }
        }
    }

    /// <summary>§12.2.2: a request with a CSeq below the last one seen is out of order (answered 500).</summary>
    public bool AcceptRemoteCSeq(SipRequest request)
    {
        if (request.Method == SipMethods.Ack)
        {
            return true; // ACK and CANCEL reuse the INVITE's number.
        }
        lock (_gate)
        {
            if (request.CSeq.Number < _remoteCSeq)
            {
                return false;
            }
            _remoteCSeq = request.CSeq.Number;
            return true;
        }
    }

    /// <summary>§12.2.1.1: a new request inside the dialog (BYE, re-INVITE …) with the next local CSeq.</summary>
    public SipRequest CreateRequest(string method, string viaSentBy, string transport, string contact)
    {
        long cseq;
        lock (_gate)
        {
            cseq = ++_localCSeq;
        }
        return Build(method, cseq, viaSentBy, transport, contact);
    }

    /// <summary>
    /// §13.2.2.4: the ACK for a 2xx is built like any in-dialog request, but with the CSeq number of the
    /// INVITE it acknowledges and a branch of its own (it is a transaction of its own, §17.1.1.3).
    /// </summary>
    public SipRequest CreateAck(long inviteCSeq, string viaSentBy, string transport, string contact) =>
        Build(SipMethods.Ack, inviteCSeq, viaSentBy, transport, contact);

    private SipRequest Build(string method, long cseq, string viaSentBy, string transport, string contact)
    {
        var headers = new List<SipHeader>
        {
            new(SipHeaderNames.Via, $"SIP/2.0/{transport} {viaSentBy};branch={SipIdentifiers.NewBranch()};rport"),
            new(SipHeaderNames.MaxForwards, "70"),
            new(SipHeaderNames.From, Local.ToString()),
            new(SipHeaderNames.To, Remote.ToString()),
            new(SipHeaderNames.CallId, Id.CallId),
            new(SipHeaderNames.CSeq, cseq.ToString(CultureInfo.InvariantCulture) + " " + method),
            new(SipHeaderNames.Contact, contact),
        };
        foreach (var route in RouteSet)
        {
            headers.Add(new SipHeader(SipHeaderNames.Route, route));
        }
        return SipRequest.Create(method, RemoteTarget, new SipHeaderCollection(headers));
    }
}

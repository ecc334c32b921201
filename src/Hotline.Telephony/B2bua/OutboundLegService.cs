using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Hotline.Telephony.Media.Srtp;
using Hotline.Telephony.Sdp;
using Hotline.Telephony.Sip.Dialogs;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transactions;
using Hotline.Telephony.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace Hotline.Telephony.B2bua;

/// <summary>
/// The B2BUA's calling side (UAC, RFC 3261 §13.2): places INVITEs to agents' phones or through a trunk,
/// keeps the legs by Call-ID and by dialog, and routes the called parties' in-dialog requests to them.
/// </summary>
internal sealed class OutboundLegService
{
    private readonly ConcurrentDictionary<string, OutboundLeg> _legs = new();
    private readonly SipDialogTable<OutboundLeg> _dialogs = new();
    private readonly PlainMediaPhones _plainMediaPhones = new();
    private readonly Func<SipTransportKind, IPEndPoint> _localEndPoint;
    private readonly string? _domain;

    /// <param name="domain">Host of our From URIs; the edge's address when null.</param>
    public OutboundLegService(SipTransactionLayer transactions, Func<SipTransportKind, IPEndPoint> localEndPoint, TimeProvider time, SipTimers timers, ILogger logger, string? domain = null)
    {
        Transactions = transactions;
        _localEndPoint = localEndPoint;
        Time = time;
        Timers = timers;
        Logger = logger;
        _domain = string.IsNullOrEmpty(domain) ? null : domain;
    }

    public IReadOnlyCollection<OutboundLeg> Legs => [.. _legs.Values];

    internal SipTransactionLayer Transactions { get; }

    internal TimeProvider Time { get; }

    internal SipTimers Timers { get; }

    internal ILogger Logger { get; }

    /// <summary>Sends the INVITE (with an SDP offer built from <paramref name="request"/>) and returns at once.</summary>
    /// <exception cref="ArgumentException">The To URI does not parse or the local RTP address is not IPv4.</exception>
    public OutboundLeg Start(OutboundLegRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!SipUri.TryParse(request.ToUri, out var to) || !to.IsSip)
        {
            throw new ArgumentException($"To URI '{request.ToUri}' is not a SIP URI.", nameof(request));
        }
        if (request.LocalRtp.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            throw new ArgumentException("The offered RTP address must be IPv4 (the SDP writer speaks IP4).", nameof(request));
        }
        if (request.OfferSrtp && !_plainMediaPhones.OffersSrtp(true, request.Target))
        {
            OutboundLegLog.PlainMediaAfterRefusal(Logger, request.Target.ToString());
            request = request with { OfferSrtp = false };
        }
        var sdp = new SdpSession(new SdpLocalMedia
        {
            Address = request.LocalRtp.Address.ToString(),
            Port = request.LocalRtp.Port,
            SessionId = Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            SessionVersion = 1,
            // RFC 4568 §6.1: a fresh key for every session; it stays for the leg's re-INVITEs.
            SrtpKey = request.OfferSrtp ? SrtpMasterKey.Generate() : null,
        });
        var offer = sdp.CreateOffer(MediaDirection.SendRecv);
        var local = _localEndPoint(request.Destination.Transport);
        var from = new NameAddressHeader(SipUri.Create(_domain ?? local.Address.ToString(), EscapeUser(request.FromUser.Length == 0 ? "anonymous" : request.FromUser)), request.FromDisplayName)
            .WithTag(SipIdentifiers.NewTag());
        var headers = new SipHeaderCollection(
        [
            new SipHeader(SipHeaderNames.Via, Via(request.Destination)),
            new SipHeader(SipHeaderNames.MaxForwards, "70"),
            new SipHeader(SipHeaderNames.From, from.ToString()),
            new SipHeader(SipHeaderNames.To, new NameAddressHeader(to).ToString()),
            new SipHeader(SipHeaderNames.CallId, SipIdentifiers.NewCallId()),
            new SipHeader(SipHeaderNames.CSeq, "1 " + SipMethods.Invite),
            new SipHeader(SipHeaderNames.Contact, Contact(request.Destination)),
            new SipHeader(SipHeaderNames.Allow, OutboundLeg.Allowed),
            new SipHeader(SipHeaderNames.ContentType, "application/sdp"),
        ]);
        var invite = SipRequest.Create(SipMethods.Invite, request.Target, headers, Encoding.UTF8.GetBytes(SdpWriter.Write(offer)));
        var leg = new OutboundLeg(this, request, invite, sdp, offer);
        _legs[leg.CallId] = leg;
        OutboundLegLog.Started(Logger, leg.CallId, request.Target.ToString(), request.Destination.EndPoint.ToString());
        var offeredSrtp = request.OfferSrtp;
        _ = leg.Completion.ContinueWith(
            done => _plainMediaPhones.Observe(request.Target, offeredSrtp, done.Result),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        leg.Start();
        return leg;
    }

    /// <summary>Routes an in-dialog request from a called party; false when no leg's dialog matches.</summary>
    public bool TryHandleInDialog(ISipServerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var leg = _dialogs.Find(transaction.Request);
        if (leg is null)
        {
            return false;
        }
        leg.OnRequest(transaction);
        return true;
    }

    /// <summary>The ACK for our 2xx to a called party's re-INVITE (§13.3.1.4); false when no leg matches.</summary>
    public bool TryHandleAck(SipRequest ack)
    {
        ArgumentNullException.ThrowIfNull(ack);
        var leg = _dialogs.Find(ack);
        leg?.OnAck(ack);
        return leg is not null;
    }

    internal void AddDialog(SipDialog dialog, OutboundLeg leg) => _dialogs.TryAdd(dialog.Id, leg);

    internal void RemoveDialog(SipDialog dialog) => _dialogs.Remove(dialog.Id);

    internal void OnEnded(OutboundLeg leg) => _legs.TryRemove(leg.CallId, out _);

    /// <summary>§18.1.1 / RFC 3581: our sent-by with a fresh branch, asking for rport.</summary>
    internal string Via(SipDestination destination) =>
        $"SIP/2.0/{Transport(destination)} {_localEndPoint(destination.Transport)};branch={SipIdentifiers.NewBranch()};rport";

    internal string ViaSentBy => _localEndPoint(SipTransportKind.Udp).ToString();

    internal static string Transport(SipDestination destination) => SipTransportNames.Via(destination.Transport);

    /// <summary>The edge's own Contact, in the style of the caller leg's (InboundCallService).</summary>
    internal string Contact(SipDestination destination) =>
        string.Create(CultureInfo.InvariantCulture, $"<sip:hotline@{_localEndPoint(destination.Transport)};transport={Transport(destination).ToLowerInvariant()}>");

    /// <summary>RFC 3261 §25.1 user part: unreserved and user-unreserved characters pass, the rest is %-escaped.</summary>
    internal static string EscapeUser(string user)
    {
        var builder = new StringBuilder(user.Length);
        foreach (var b in Encoding.UTF8.GetBytes(user))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || "-_.!~*'()&=+$,;?/".Contains(c, StringComparison.Ordinal))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return builder.ToString();
    }
}

using System.Globalization;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transactions;

namespace Hotline.Telephony.B2bua;

/// <summary>
/// REFER from the called party (RFC 3515): the owner decides through <see cref="OutboundLeg.TransferRequested"/>; an
/// accepted REFER gets 202 and the implicit subscription's NOTIFYs carrying the transfer's progress as
/// message/sipfrag (§2.4.4, §2.4.5), unless the referrer asked for none with Refer-Sub: false (RFC 4488).
/// Shares the leg's lock and state.
/// </summary>
internal sealed class OutboundReferHandler(OutboundLeg leg)
{
    private ReferSubscription? _transfer;
    private int _refers;

    /// <summary>
    /// Reports the transfer's progress to the referrer: NOTIFY with "SIP/2.0 &lt;status&gt; &lt;reason&gt;";
    /// a final status (200 and up) terminates the subscription (§2.4.5). Does nothing without an accepted REFER.
    /// Completes once the NOTIFY is sent; its answer is only logged.
    /// </summary>
    public Task NotifyOutcomeAsync(int status)
    {
        ReferSubscription? subscription;
        lock (leg.Gate)
        {
            subscription = _transfer;
            if (subscription is null)
            {
                return Task.CompletedTask;
            }
            if (!subscription.Started)
            {
                // The owner answered from inside TransferRequested: the 202 and "100 Trying" go out first.
                subscription.Deferred = status;
                return Task.CompletedTask;
            }
            if (status >= 200)
            {
                _transfer = null;
            }
        }
        SendNotify(subscription, status);
        return Task.CompletedTask;
    }

    /// <summary>Under the leg's lock, as it closes: no more NOTIFYs.</summary>
    public void Forget() => _transfer = null;

    public void OnRefer(ISipServerTransaction transaction, bool connected)
    {
        var request = transaction.Request;
        if (!connected)
        {
            leg.Respond(transaction, SipResponseBuilder.For(request, 403, "Transfer Before Answer").Build());
            return;
        }
        var referTo = request.Headers.GetLines(SipHeaderNames.ReferTo).ToList();
        // §2.4.1: exactly one Refer-To; otherwise 400.
        if (referTo.Count != 1 || !NameAddressHeader.TryParse(referTo[0], out var target))
        {
            leg.Respond(transaction, SipResponseBuilder.For(request, 400, "Missing or Invalid Refer-To").Build());
            return;
        }
        var silent = string.Equals(request.Headers["Refer-Sub"]?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        ReferSubscription subscription;
        lock (leg.Gate)
        {
            // §2.4.6: the first REFER's NOTIFYs carry Event: refer; later ones name the REFER's CSeq as id.
            var eventHeader = _refers++ == 0 ? "refer" : "refer;id=" + request.CSeq.Number.ToString(CultureInfo.InvariantCulture);
            subscription = new ReferSubscription(eventHeader);
            _transfer = silent ? null : subscription;
        }
        var accepted = leg.RaiseTransferRequested(target.Uri.ToString());
        if (!accepted)
        {
            lock (leg.Gate)
            {
                if (ReferenceEquals(_transfer, subscription))
                {
                    _transfer = null;
                }
            }
            leg.Respond(transaction, SipResponseBuilder.For(request, 603).Build());
            return;
        }
        var response = SipResponseBuilder.For(request, 202);
        if (silent)
        {
            response.WithHeader("Refer-Sub", "false");
        }
        leg.Respond(transaction, response.Build());
        if (!silent)
        {
            StartSubscription(subscription);
        }
    }

    /// <summary>
    /// §2.4.4: the first NOTIFY follows the 202 at once; an outcome reported meanwhile follows it. Each NOTIFY
    /// is on the wire when its transaction starts, so the next need not wait for the previous one's answer.
    /// </summary>
    private void StartSubscription(ReferSubscription subscription)
    {
        SendNotify(subscription, 100);
        int? deferred;
        lock (leg.Gate)
        {
            subscription.Started = true;
            deferred = subscription.Deferred;
            if (deferred >= 200 && ReferenceEquals(_transfer, subscription))
            {
                _transfer = null;
            }
        }
        if (deferred is { } status)
        {
            SendNotify(subscription, status);
        }
    }

    private void SendNotify(ReferSubscription subscription, int status)
    {
        SipRequest notify;
        lock (leg.Gate)
        {
            if (leg.State != OutboundLegState.Connected || leg.CurrentDialog is not { } dialog)
            {
                return;
            }
            var state = status >= 200 ? "terminated;reason=noresource" : "active;expires=60";
            var fragment = string.Create(CultureInfo.InvariantCulture, $"SIP/2.0 {status} {SipStatus.ReasonPhrase(status)}\r\n");
            notify = SipBodies.WithBody(
                leg.InDialogRequest(dialog, SipMethods.Notify)
                    .WithHeader(SipHeaderNames.Event, subscription.Event)
                    .WithHeader("Subscription-State", state),
                "message/sipfrag;version=2.0",
                fragment);
        }
        _ = leg.SendAsync(notify);
    }

    /// <summary>The implicit subscription an accepted REFER creates (RFC 3515 §2.4.4).</summary>
    private sealed class ReferSubscription(string eventHeader)
    {
        public string Event { get; } = eventHeader;

        /// <summary>The "100 Trying" NOTIFY has gone out.</summary>
        public bool Started { get; set; }

        /// <summary>An outcome reported before the subscription started.</summary>
        public int? Deferred { get; set; }
    }
}

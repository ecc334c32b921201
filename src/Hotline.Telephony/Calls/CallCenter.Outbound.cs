using System.Globalization;
using System.Net;
using Hotline.Telephony.B2bua;
using Hotline.Telephony.Media.Rtp;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transport;

namespace Hotline.Telephony.Calls;

internal sealed partial class CallCenter : IOutboundCalls
{
    private static readonly TimeSpan CitizenRingTimeout = TimeSpan.FromSeconds(45);

    public async Task<CallCenterResult> PlaceCallAsync(string number, string queueId, CancellationToken cancellationToken)
    {
        // Digits only: the edge never dials what a request made up (toll fraud starts with "00…" and "*…").
        if (number is not { Length: >= 3 and <= 20 } || !number.All(char.IsAsciiDigit))
        {
            return CallCenterResult.Refuse(CallCenterRefusal.InvalidArgument, "number must be 3 to 20 digits");
        }
        if (!await _loop.InvokeAsync(() => _acd.Queues.Any(q => q.Id == queueId)).ConfigureAwait(false))
        {
            return CallCenterResult.Refuse(CallCenterRefusal.InvalidArgument, $"unknown queue {queueId}");
        }
        if (_sip.Trunks.FirstOrDefault() is not { } trunk || !IPAddress.TryParse(trunk.Address, out var trunkAddress))
        {
            return CallCenterResult.Refuse(CallCenterRefusal.Unavailable, "no trunk is configured for outbound calls");
        }
        var links = Links;
        if (RtpRelay.TryStart(links.Ports) is not { } relay)
        {
            return CallCenterResult.Refuse(CallCenterRefusal.Unavailable, "RTP ports exhausted");
        }
        var hotline = _sip.HotlineNumbers.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "12345";
        var trunkEndPoint = new IPEndPoint(trunkAddress, trunk.Port);
        var target = SipUri.Parse(string.Create(CultureInfo.InvariantCulture, $"sip:{number}@{trunkEndPoint}"));
        var leg = links.Outbound.Start(new OutboundLegRequest(
            target,
            new SipDestination(SipTransportKind.Udp, trunkEndPoint),
            hotline,
            null,
            target.ToString(),
            new IPEndPoint(links.Ports.BindAddress, relay.Caller.LocalPort),
            CitizenRingTimeout));
        OutboundLegResult result;
        try
        {
            result = await leg.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await leg.CancelAsync().ConfigureAwait(false);
            await relay.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        if (result.Outcome != OutboundLegOutcome.Answered || result.Media is null)
        {
            await relay.DisposeAsync().ConfigureAwait(false);
            return CallCenterResult.Refuse(CallCenterRefusal.Unavailable,
                string.Create(CultureInfo.InvariantCulture, $"{number} was not reached: {result.StatusCode} {result.Reason}"));
        }
        var id = NewCallId();
        var citizen = new OutboundCallerLeg(leg, result.Media, relay, hotline, number);
        Post(() => Begin(new HotlineCall(this, citizen, id, priorityCaller: true, directQueue: queueId)));
        return new CallCenterResult(null, id);
    }
}

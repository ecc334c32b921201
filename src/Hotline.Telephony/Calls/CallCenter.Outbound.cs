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
        if (!HasTrunk)
        {
            return CallCenterResult.Refuse(CallCenterRefusal.Unavailable, "no trunk is configured for outbound calls");
        }
        if (RtpRelay.TryStart(Links.Ports) is not { } relay)
        {
            return CallCenterResult.Refuse(CallCenterRefusal.Unavailable, "RTP ports exhausted");
        }
        var leg = DialTrunk(number, relay.Caller.LocalPort)!;
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
        var citizen = new OutboundCallerLeg(leg, result.Media, relay, HotlineNumber, number);
        Post(() => Begin(new HotlineCall(this, citizen, id, priorityCaller: true, directQueue: queueId)));
        return new CallCenterResult(null, id);
    }

    private bool HasTrunk => _sip.Trunks.FirstOrDefault() is { } trunk && IPAddress.TryParse(trunk.Address, out _);

    /// <summary>The number the hotline presents on calls it places: the first of Sip:HotlineNumbers.</summary>
    private string HotlineNumber =>
        _sip.HotlineNumbers.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "12345";

    /// <summary>A leg to <paramref name="number"/> through the first trunk, offering <paramref name="localRtpPort"/>; null without a trunk.</summary>
    internal OutboundLeg? DialTrunk(string number, int localRtpPort)
    {
        if (_sip.Trunks.FirstOrDefault() is not { } trunk || !IPAddress.TryParse(trunk.Address, out var address))
        {
            return null;
        }
        var links = Links;
        var trunkEndPoint = new IPEndPoint(address, trunk.Port);
        var target = SipUri.Parse(string.Create(CultureInfo.InvariantCulture, $"sip:{number}@{trunkEndPoint}"));
        return links.Outbound.Start(new OutboundLegRequest(
            target,
            new SipDestination(SipTransportKind.Udp, trunkEndPoint),
            HotlineNumber,
            null,
            target.ToString(),
            new IPEndPoint(links.Ports.BindAddress, localRtpPort),
            CitizenRingTimeout));
    }
}

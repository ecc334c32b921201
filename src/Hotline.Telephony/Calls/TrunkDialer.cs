using System.Globalization;
using System.Net;
using Hotline.Telephony.B2bua;
using Hotline.Telephony.Media.Rtp;
using Hotline.Telephony.Sip;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transport;

namespace Hotline.Telephony.Calls;

/// <summary>Calls placed through the trunk (callbacks, departments), presenting the hotline's number.</summary>
internal sealed class TrunkDialer(SipOptions sip, Func<CallCenterLinks> links)
{
    private static readonly TimeSpan CitizenRingTimeout = TimeSpan.FromSeconds(45);

    public bool HasTrunk => sip.Trunks.FirstOrDefault() is { } trunk && IPAddress.TryParse(trunk.Address, out _);

    /// <summary>The number the hotline presents on calls it places: the first of Sip:HotlineNumbers.</summary>
    public string HotlineNumber =>
        sip.HotlineNumbers.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "12345";

    /// <summary>A leg to <paramref name="number"/> through the first trunk, offering <paramref name="localRtpPort"/>; null without a trunk.</summary>
    public OutboundLeg? Dial(string number, int localRtpPort)
    {
        if (sip.Trunks.FirstOrDefault() is not { } trunk || !IPAddress.TryParse(trunk.Address, out var address))
        {
            return null;
        }
        var current = links();
        var trunkEndPoint = new IPEndPoint(address, trunk.Port);
        var target = SipUri.Parse(string.Create(CultureInfo.InvariantCulture, $"sip:{number}@{trunkEndPoint}"));
        return current.Outbound.Start(new OutboundLegRequest(
            target,
            new SipDestination(SipTransportKind.Udp, trunkEndPoint),
            HotlineNumber,
            null,
            target.ToString(),
            new IPEndPoint(current.Ports.BindAddress, localRtpPort),
            CitizenRingTimeout));
    }

    /// <summary>
    /// Calls a citizen through the first trunk and waits for the answer: the citizen's leg, or why not
    /// (a malformed number is InvalidArgument; no trunk, no RTP port or no answer is Unavailable).
    /// </summary>
    public async Task<(OutboundCallerLeg? Citizen, CallCenterResult? Refusal)> DialCitizenAsync(string number, CancellationToken cancellationToken)
    {
        // Digits only: the edge never dials what a request made up (toll fraud starts with "00…" and "*…").
        if (number is not { Length: >= 3 and <= 20 } || !number.All(char.IsAsciiDigit))
        {
            return (null, CallCenterResult.Refuse(CallCenterRefusal.InvalidArgument, "number must be 3 to 20 digits"));
        }
        if (!HasTrunk)
        {
            return (null, CallCenterResult.Refuse(CallCenterRefusal.Unavailable, "no trunk is configured for outbound calls"));
        }
        if (RtpRelay.TryStart(links().Ports) is not { } relay)
        {
            return (null, CallCenterResult.Refuse(CallCenterRefusal.Unavailable, "RTP ports exhausted"));
        }
        var leg = Dial(number, relay.Caller.LocalPort)!;
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
            return (null, CallCenterResult.Refuse(CallCenterRefusal.Unavailable,
                string.Create(CultureInfo.InvariantCulture, $"{number} was not reached: {result.StatusCode} {result.Reason}")));
        }
        return (new OutboundCallerLeg(leg, result.Media, relay, HotlineNumber, number), null);
    }
}

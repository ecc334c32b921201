using System.Globalization;
using System.Net;
using Hotline.Telephony.B2bua;
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
}

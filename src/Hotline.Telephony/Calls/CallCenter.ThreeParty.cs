namespace Hotline.Telephony.Calls;

internal sealed partial class CallCenter : IThreePartyCalls
{
    public async Task<CallCenterResult> AddThirdPartyAsync(string agentId, string number, CancellationToken cancellationToken)
    {
        if (!_options.DepartmentNumbers.Contains(number))
        {
            return CallCenterResult.Refuse(CallCenterRefusal.InvalidArgument, $"{number} is not a department number (Calls:DepartmentNumbers)");
        }
        var joining = await _loop.InvokeAsync(() => CallOf(agentId) is { } call
            ? call.AddThirdParty(number)
            : Task.FromResult(CallCenterResult.Refuse(CallCenterRefusal.NotFound, $"agent {agentId} has no connected call"))).ConfigureAwait(false);
        return await joining.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<CallCenterResult> LeaveThreePartyAsync(string agentId, CancellationToken cancellationToken) =>
        _loop.InvokeAsync(() => CallOf(agentId) is { } call
            ? call.LeaveThreeParty()
            : CallCenterResult.Refuse(CallCenterRefusal.NotFound, $"agent {agentId} has no connected call"));

    /// <summary>The leg towards a department, through the trunk, offering <paramref name="localRtpPort"/>.</summary>
    internal B2bua.OutboundLeg? DialTrunk(string number, int localRtpPort)
    {
        if (_sip.Trunks.FirstOrDefault() is not { } trunk || !System.Net.IPAddress.TryParse(trunk.Address, out var address))
        {
            return null;
        }
        var links = Links;
        var endPoint = new System.Net.IPEndPoint(address, trunk.Port);
        var target = Sip.Syntax.SipUri.Parse(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"sip:{number}@{endPoint}"));
        var hotline = _sip.HotlineNumbers.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "12345";
        return links.Outbound.Start(new B2bua.OutboundLegRequest(
            target,
            new Sip.Transport.SipDestination(Sip.Transport.SipTransportKind.Udp, endPoint),
            hotline,
            null,
            target.ToString(),
            new System.Net.IPEndPoint(links.Ports.BindAddress, localRtpPort),
            CitizenRingTimeout));
    }
}

namespace Hotline.Telephony.Calls;

internal sealed partial class CallCenter : IThreePartyCalls
{
    public async Task<CallCenterResult> AddThirdPartyAsync(string agentId, string number, CancellationToken cancellationToken)
    {
        if (!_departmentNumbers.Contains(number))
        {
            return CallCenterResult.Refuse(CallCenterRefusal.InvalidArgument,
                $"{number} is not a department number (a department's duty phone or Calls:DepartmentNumbers)");
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
}

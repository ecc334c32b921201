using Hotline.Telephony.Acd.CallRecords;

namespace Hotline.Telephony.Calls;

/// <summary><see cref="ISupervisorCalls"/> over the call center: finds the call on its loop and hands it to the call's <see cref="SupervisorMonitor"/>.</summary>
internal sealed class SupervisorDesk(CallCenter center) : ISupervisorCalls
{
    public async Task<CallCenterResult> MonitorAsync(string callId, string supervisorId, string extension, CancellationToken cancellationToken)
    {
        var joining = await center.InvokeAsync(() => center.Find(callId) is { } call
            ? call.Monitor.Start(supervisorId, extension)
            : Task.FromResult(NoCall(callId))).ConfigureAwait(false);
        return await joining.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<CallCenterResult> SetMonitorModeAsync(string callId, string supervisorId, MonitorMode mode, CancellationToken cancellationToken) =>
        center.InvokeAsync(() => center.Find(callId) is { } call ? call.Monitor.SetMode(supervisorId, mode) : NoCall(callId));

    public Task<CallCenterResult> StopMonitorAsync(string callId, string supervisorId, CancellationToken cancellationToken) =>
        center.InvokeAsync(() => center.Find(callId) is { } call ? call.Monitor.Stop(supervisorId) : NoCall(callId));

    public Task<CallCenterResult> ReleaseAsync(string callId, string supervisorId, CancellationToken cancellationToken) =>
        center.InvokeAsync(() =>
        {
            if (center.Find(callId) is not { } call)
            {
                return NoCall(callId);
            }
            var reason = "released by supervisor " + supervisorId;
            call.Record(new SupervisorActed(call.Now, supervisorId, SupervisorActionKind.Released, reason));
            CallsLog.Released(center.Logger, callId, reason);
            call.HangUpByHotline(reason);
            return CallCenterResult.Done;
        });

    private static CallCenterResult NoCall(string callId) => CallCenterResult.Refuse(CallCenterRefusal.NotFound, $"no call {callId} is in progress");
}

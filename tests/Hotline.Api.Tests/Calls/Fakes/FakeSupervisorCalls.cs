using System.Collections.Concurrent;
using Hotline.Telephony.Calls;

namespace Hotline.Api.Tests.Calls.Fakes;

/// <summary>An in-memory <see cref="ISupervisorCalls"/>: commands are recorded and answered with <see cref="NextResult"/>.</summary>
internal sealed class FakeSupervisorCalls : ISupervisorCalls
{
    /// <summary>What each command did, e.g. "Monitor c1 S02 9001".</summary>
    public ConcurrentQueue<string> Commands { get; } = new();

    public CallCenterResult NextResult { get; set; } = CallCenterResult.Done;

    public Task<CallCenterResult> MonitorAsync(string callId, string supervisorId, string extension, CancellationToken cancellationToken) =>
        Record($"Monitor {callId} {supervisorId} {extension}");

    public Task<CallCenterResult> SetMonitorModeAsync(string callId, string supervisorId, MonitorMode mode, CancellationToken cancellationToken) =>
        Record($"Mode {callId} {supervisorId} {mode}");

    public Task<CallCenterResult> StopMonitorAsync(string callId, string supervisorId, CancellationToken cancellationToken) =>
        Record($"Stop {callId} {supervisorId}");

    public Task<CallCenterResult> ReleaseAsync(string callId, string supervisorId, CancellationToken cancellationToken) =>
        Record($"Release {callId} {supervisorId}");

    private Task<CallCenterResult> Record(string command)
    {
        Commands.Enqueue(command);
        return Task.FromResult(NextResult);
    }
}

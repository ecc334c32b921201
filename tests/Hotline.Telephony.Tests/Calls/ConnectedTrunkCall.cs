using System.Globalization;
using Hotline.Contracts.Agents;
using Hotline.Telephony.Calls;
using Hotline.Telephony.Tests.Edge;
using Hotline.Telephony.Tests.Interop;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Telephony.Tests.Calls;

/// <summary>
/// A trunk caller (sipp from <see cref="EdgeHost.TrunkAddress"/>, its audio a <see cref="LevelPhone"/> at 1000) talking
/// to agent 1001, whose sipp phone registered READY and answered (its audio at 2000): where a supervisor's test starts.
/// Disposing hangs up the agent's phone and stops both phones' audio; the caller's sipp is the test's to await.
/// </summary>
internal sealed class ConnectedTrunkCall : IAsyncDisposable
{
    private readonly SippPhone _agentPhone;

    private ConnectedTrunkCall(LevelPhone callerAudio, LevelPhone agentAudio, SippPhone agentPhone, Task<SippResult> caller, string callId)
    {
        CallerAudio = callerAudio;
        AgentAudio = agentAudio;
        _agentPhone = agentPhone;
        Caller = caller;
        CallId = callId;
    }

    public LevelPhone CallerAudio { get; }

    public LevelPhone AgentAudio { get; }

    /// <summary>The trunk caller's sipp run: it sends RTP until the call's BYE.</summary>
    public Task<SippResult> Caller { get; }

    public string CallId { get; }

    public static async Task<ConnectedTrunkCall> StartAsync(EdgeHost host)
    {
        var callerAudio = new LevelPhone(EdgeHost.TrunkAddress, 1000);
        var agentAudio = new LevelPhone("127.0.0.1", 2000);
        var agentPhone = new SippPhone(host.EndPoint, "1001", "secret1001", agentAudio.Port);
        try
        {
            await CallCenterWaits.AgentAsync(host, "1001", AgentState.Ready);
            var caller = Dial(host, callerAudio);
            await CallCenterWaits.AgentAsync(host, "1001", AgentState.OnCall);
            var callId = host.Services.GetRequiredService<ICallCenter>().ListAgents().Single(x => x.AgentId == "1001").CallId!;
            return new ConnectedTrunkCall(callerAudio, agentAudio, agentPhone, caller, callId);
        }
        catch
        {
            await agentPhone.DisposeAsync();
            await agentAudio.DisposeAsync();
            await callerAudio.DisposeAsync();
            throw;
        }
    }

    /// <summary>A trunk call to 12345 (sipp), its RTP from and to <paramref name="audio"/>, until the hotline's BYE.</summary>
    public static Task<SippResult> Dial(EdgeHost host, LevelPhone audio) =>
        SippRunner.RunFromAsync(EdgeHost.TrunkAddress, host.EndPoint, "trunk-call-rtp-until-bye.xml", "u1", 1,
            "-s", "12345", "-key", "rtp_port", audio.Port.ToString(CultureInfo.InvariantCulture));

    public async ValueTask DisposeAsync()
    {
        await _agentPhone.DisposeAsync();
        await AgentAudio.DisposeAsync();
        await CallerAudio.DisposeAsync();
    }
}

using System.Collections.Concurrent;
using Hotline.Telephony.Calls;

namespace Hotline.Silo.Tests.Scheduling;

/// <summary>
/// The edge's outbound calls as a script: each number answers or not as told (default: not reached, as a busy
/// phone answers 486), and every call is logged with the clock's time. The real edge runs in the sipp tests.
/// </summary>
internal sealed class ScriptedOutboundCalls(TimeProvider time) : IOutboundCalls
{
    private readonly ConcurrentDictionary<string, bool> _answers = new();

    public ConcurrentQueue<(string Number, string QueueId, DateTimeOffset At)> Calls { get; } = new();

    public void Answers(string number) => _answers[number] = true;

    public Task<CallCenterResult> PlaceCallAsync(string number, string queueId, CancellationToken cancellationToken)
    {
        Calls.Enqueue((number, queueId, time.GetUtcNow()));
        return Task.FromResult(_answers.ContainsKey(number)
            ? new CallCenterResult(null, "call-" + Calls.Count)
            : CallCenterResult.Refuse(CallCenterRefusal.Unavailable, number + " was not reached: 486 Busy Here"));
    }

    public Task<SurveyCallResult> PlaceSurveyCallAsync(string number, CancellationToken cancellationToken) =>
        throw new NotSupportedException("callbacks never place survey calls");
}

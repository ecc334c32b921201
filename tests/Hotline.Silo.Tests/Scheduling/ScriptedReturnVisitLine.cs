using System.Collections.Concurrent;
using Hotline.Contracts.Tickets;
using Hotline.Silo.Scheduling;

namespace Hotline.Silo.Tests.Scheduling;

/// <summary>
/// Stands in for the telephony edge's outbound call (the sipp end-to-end calls run in the edge's own tests):
/// answers each call with the next scripted outcome (not reached when the script runs out), each automated
/// survey with the next scripted key (none when it runs out), and notes when it was called.
/// </summary>
internal sealed class ScriptedReturnVisitLine(TimeProvider time, params bool[] reached) : IReturnVisitLine
{
    private readonly ConcurrentQueue<bool> _script = new(reached);

    public ConcurrentQueue<(string Number, DateTimeOffset At)> Calls { get; } = new();

    public ConcurrentQueue<Satisfaction> SurveyAnswers { get; } = new();

    public Task<ReturnVisitOutcome> CallAsync(string number, string queueId, CancellationToken cancellationToken)
    {
        Calls.Enqueue((number, time.GetUtcNow()));
        var answered = _script.TryDequeue(out var next) && next;
        return Task.FromResult(answered ? new ReturnVisitOutcome(true, "call-" + Calls.Count) : new ReturnVisitOutcome(false, "480 Temporarily Unavailable"));
    }

    public Task<(Satisfaction? Answer, string Detail)> SurveyAsync(string number, CancellationToken cancellationToken)
    {
        Calls.Enqueue((number, time.GetUtcNow()));
        return Task.FromResult<(Satisfaction?, string)>(SurveyAnswers.TryDequeue(out var answer)
            ? (answer, "answered: key " + ((int)answer + 1))
            : (null, "answered, no key pressed"));
    }
}

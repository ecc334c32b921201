using System.Collections.Concurrent;
using Hotline.Telephony.Calls;

namespace Hotline.Silo.Tests.Scheduling;

/// <summary>
/// The edge's outbound calls as a script: each number answers or not as told (default: not reached, as a busy
/// phone answers 486), and every call is logged with the clock's time. Agent-first, each queue has the free agents
/// a test gives it, held and released as the edge does. The real edge runs in the sipp tests.
/// </summary>
internal sealed class ScriptedOutboundCalls(TimeProvider time) : IOutboundCalls
{
    private readonly ConcurrentDictionary<string, bool> _answers = new();
    private readonly ConcurrentDictionary<string, string> _held = new();
    private int _reservations;

    public ConcurrentQueue<(string Number, string QueueId, DateTimeOffset At)> Calls { get; } = new();

    /// <summary>Free agents per queue (agent-first); a held agent is not free until released.</summary>
    public ConcurrentDictionary<string, int> FreeAgents { get; } = new();

    /// <summary>Reservations that ended, with why, in order.</summary>
    public ConcurrentQueue<(string Reservation, string Reason)> Released { get; } = new();

    public int Held => _held.Count;

    public void Answers(string number) => _answers[number] = true;

    public Task<CallCenterResult> PlaceCallAsync(string number, string queueId, CancellationToken cancellationToken)
    {
        Calls.Enqueue((number, queueId, time.GetUtcNow()));
        return Task.FromResult(_answers.ContainsKey(number)
            ? new CallCenterResult(null, "call-" + Calls.Count)
            : CallCenterResult.Refuse(CallCenterRefusal.Unavailable, number + " was not reached: 486 Busy Here"));
    }

    public Task<string?> ReserveAgentAsync(string queueId, CancellationToken cancellationToken)
    {
        lock (FreeAgents)
        {
            if (FreeAgents.GetValueOrDefault(queueId) <= 0)
            {
                return Task.FromResult<string?>(null);
            }

            FreeAgents[queueId]--;
            var id = "hold-" + Interlocked.Increment(ref _reservations);
            _held[id] = queueId;
            return Task.FromResult<string?>(id);
        }
    }

    public Task ReleaseAgentAsync(string reservationId, string reason, CancellationToken cancellationToken)
    {
        lock (FreeAgents)
        {
            if (_held.TryRemove(reservationId, out var queueId))
            {
                FreeAgents[queueId]++;
                Released.Enqueue((reservationId, reason));
            }
        }

        return Task.CompletedTask;
    }

    public async Task<CallCenterResult> PlaceReservedCallAsync(string number, string queueId, string reservationId, CancellationToken cancellationToken)
    {
        Assert.True(_held.ContainsKey(reservationId), $"{number} dialled without a held agent");
        var placed = await PlaceCallAsync(number, queueId, cancellationToken);
        if (placed.IsDone)
        {
            // The held agent takes the call; it is busy until the test frees it.
            _held.TryRemove(reservationId, out _);
        }
        else
        {
            await ReleaseAgentAsync(reservationId, "callback not answered", cancellationToken);
        }

        return placed;
    }

    public Task<SurveyCallResult> PlaceSurveyCallAsync(string number, CancellationToken cancellationToken) =>
        throw new NotSupportedException("callbacks never place survey calls");
}

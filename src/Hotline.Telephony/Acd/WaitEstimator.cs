using Hotline.Contracts.Agents;

namespace Hotline.Telephony.Acd;

/// <summary>A waiting call's position and estimated wait, from the queues' recent handle times.</summary>
internal sealed class WaitEstimator(AcdBook book)
{
    private readonly Dictionary<string, Queue<TimeSpan>> _handleTimes = new(StringComparer.Ordinal);

    /// <summary>Average of the queue's recent handle times (talk + wrap-up), or its configured default.</summary>
    public TimeSpan AverageHandleTime(AcdQueueOptions queue) =>
        _handleTimes.TryGetValue(queue.Id, out Queue<TimeSpan>? samples) && samples.Count > 0
            ? TimeSpan.FromTicks((long)samples.Average(s => s.Ticks))
            : queue.DefaultHandleTime;

    public void RecordHandleTime(AcdQueueOptions queue, TimeSpan handleTime)
    {
        if (!_handleTimes.TryGetValue(queue.Id, out Queue<TimeSpan>? samples))
        {
            samples = new Queue<TimeSpan>();
            _handleTimes.Add(queue.Id, samples);
        }

        samples.Enqueue(handleTime);
        while (samples.Count > book.Options.HandleTimeSamples)
        {
            samples.Dequeue();
        }
    }

    /// <summary>
    /// Position counts waiting (not yet ringing) calls of the same queue ahead, plus this one. The wait is
    /// the calls that cannot go to an agent ready now, served by every staffed agent at the average handle
    /// time: (position − ready) × AHT / staffed. With nobody staffed it cannot be estimated.
    /// </summary>
    public QueueStatus StatusOf(QueuedCall call)
    {
        int position = 1;
        foreach (QueuedCall other in book.Line.Calls)
        {
            if (ReferenceEquals(other, call))
            {
                break;
            }

            if (other.Queue.Id == call.Queue.Id && other.RingingAgent is null)
            {
                position++;
            }
        }

        string skill = call.Queue.Skill;
        int staffed = 0;
        int ready = 0;
        foreach (AcdAgent agent in book.Agents.Values)
        {
            if (agent.LevelFor(skill) > 0 && agent.State is AgentState.Ready or AgentState.Ringing or AgentState.OnCall or AgentState.WrapUp)
            {
                staffed++;
                ready += agent.State == AgentState.Ready ? 1 : 0;
            }
        }

        TimeSpan? wait = position <= ready ? TimeSpan.Zero
            : staffed == 0 ? null
            : AverageHandleTime(call.Queue) * (position - ready) / staffed;
        TimeSpan? threshold = call.Queue.CallbackOfferThreshold;
        bool offer = threshold is not null && call.Callback is null && !call.CallbackOffered && (wait is null || wait > threshold);
        return new QueueStatus(position, wait, offer);
    }
}

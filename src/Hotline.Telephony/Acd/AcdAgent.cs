using Hotline.Contracts.Agents;

namespace Hotline.Telephony.Acd;

/// <summary>The ACD's view of one agent: skills, current state and every change kept.</summary>
public sealed class AcdAgent
{
    private readonly List<AgentStateChange> _history = [];

    internal AcdAgent(string id, IReadOnlyDictionary<string, int> skills, DateTimeOffset now)
    {
        Id = id;
        Skills = skills;
        StateSince = now;
        IdleSince = now;
    }

    public string Id { get; }

    /// <summary>Skill name to level (1 = basic; higher levels are offered calls first).</summary>
    public IReadOnlyDictionary<string, int> Skills { get; }

    public AgentState State { get; private set; } = AgentState.Offline;

    public string? Reason { get; private set; }

    public DateTimeOffset StateSince { get; private set; }

    /// <summary>When the agent last became free for work; longest-idle routing orders by this.</summary>
    public DateTimeOffset IdleSince { get; private set; }

    public int CallsAnswered { get; internal set; }

    public int ConsecutiveNoAnswers { get; internal set; }

    /// <summary>The call the agent is ringing for, talking on or wrapping up.</summary>
    public string? CallId { get; internal set; }

    /// <summary>The NOT_READY reason to go back to once an occupying activity ends (null: READY).</summary>
    internal string? Resume { get; set; }

    /// <summary>When WRAP_UP ends on its own.</summary>
    internal DateTimeOffset? WrapUpEndsAt { get; set; }

    public IReadOnlyList<AgentStateChange> History => _history;

    internal void Restore(AcdAgent previous)
    {
        _history.AddRange(previous._history);
        State = previous.State;
        Reason = previous.Reason;
        StateSince = previous.StateSince;
        IdleSince = previous.IdleSince;
        CallsAnswered = previous.CallsAnswered;
        ConsecutiveNoAnswers = previous.ConsecutiveNoAnswers;
        CallId = previous.CallId;
        WrapUpEndsAt = previous.WrapUpEndsAt;
        Resume = previous.Resume;
    }

    public int LevelFor(string skill) => Skills.TryGetValue(skill, out int level) ? level : 0;

    internal AgentStateChange MoveTo(AgentState state, string reason, DateTimeOffset now, string? callId = null)
    {
        var change = new AgentStateChange(now, State, state, reason, callId);
        if (state == AgentState.Ready && State != AgentState.Ringing)
        {
            // A ring that went unanswered does not reset the agent's place in the idle order.
            IdleSince = now;
        }

        State = state;
        Reason = reason;
        StateSince = now;
        _history.Add(change);
        return change;
    }
}

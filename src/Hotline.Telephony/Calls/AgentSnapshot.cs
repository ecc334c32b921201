using Hotline.Contracts.Agents;
using Hotline.Telephony.Acd;

namespace Hotline.Telephony.Calls;

/// <summary>An agent as the wallboard shows it.</summary>
public sealed record AgentSnapshot(
    string AgentId,
    AgentState State,
    string? Reason,
    DateTimeOffset Since,
    string? CallId,
    IReadOnlyDictionary<string, int> Skills,
    int CallsAnswered);

namespace Hotline.Contracts.Agents;

/// <summary>One kept transition of an agent's state, with why it happened and the call involved.</summary>
[GenerateSerializer]
[Immutable]
public sealed record AgentStateChange([property: Id(0)] DateTimeOffset At, [property: Id(1)] AgentState From, [property: Id(2)] AgentState To, [property: Id(3)] string Reason, [property: Id(4)] string? CallId = null);

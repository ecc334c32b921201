namespace Hotline.Contracts.Agents;

/// <summary>One kept agent state change with its per-agent sequence number.</summary>
[GenerateSerializer]
[Immutable]
public sealed record StoredAgentStateChange([property: Id(0)] long Seq, [property: Id(1)] AgentStateChange Change);

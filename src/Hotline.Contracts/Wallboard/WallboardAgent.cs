using Hotline.Contracts.Agents;

namespace Hotline.Contracts.Wallboard;

/// <summary>An agent as one host's call center sees it, for the cluster's wallboard.</summary>
/// <param name="Host">The host whose SIP edge the agent is registered with.</param>
[GenerateSerializer]
[Immutable]
public sealed record WallboardAgent(
    [property: Id(0)] string AgentId,
    [property: Id(1)] AgentState State,
    [property: Id(2)] string? Reason,
    [property: Id(3)] DateTimeOffset Since,
    [property: Id(4)] string Host);

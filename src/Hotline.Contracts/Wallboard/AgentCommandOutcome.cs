namespace Hotline.Contracts.Wallboard;

/// <summary>An agent command's result as it crosses hosts: done, or the call center's refusal (its enum name) and detail.</summary>
[GenerateSerializer]
[Immutable]
public sealed record AgentCommandOutcome([property: Id(0)] string? Refusal, [property: Id(1)] string? Detail);

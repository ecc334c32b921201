namespace Hotline.Contracts.Wallboard;

/// <summary>What one host's call center shows now: its agents and queues, and where to send its agents' commands.</summary>
/// <param name="Control">The host's agent commands (null from a host without telephony).</param>
[GenerateSerializer]
[Immutable]
public sealed record WallboardHostReport(
    [property: Id(0)] string Host,
    [property: Id(1)] IReadOnlyList<WallboardAgent> Agents,
    [property: Id(2)] IReadOnlyList<WallboardQueue> Queues,
    [property: Id(3)] IHostAgentControl? Control = null)
{
    /// <summary>Same agents and queues (records compare their lists by reference, so this compares the items).</summary>
    public bool SameAs(WallboardHostReport? other) =>
        other is not null && other.Host == Host && other.Agents.SequenceEqual(Agents) && other.Queues.SequenceEqual(Queues);
}

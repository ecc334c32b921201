namespace Hotline.Contracts.Wallboard;

/// <summary>What one host's call center shows now: its agents and queues.</summary>
[GenerateSerializer]
[Immutable]
public sealed record WallboardHostReport(
    [property: Id(0)] string Host,
    [property: Id(1)] IReadOnlyList<WallboardAgent> Agents,
    [property: Id(2)] IReadOnlyList<WallboardQueue> Queues)
{
    /// <summary>Same agents and queues (records compare their lists by reference, so this compares the items).</summary>
    public bool SameAs(WallboardHostReport? other) =>
        other is not null && other.Host == Host && other.Agents.SequenceEqual(Agents) && other.Queues.SequenceEqual(Queues);
}

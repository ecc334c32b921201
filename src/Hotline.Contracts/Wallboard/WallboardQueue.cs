namespace Hotline.Contracts.Wallboard;

/// <summary>A queue on one host, for the cluster's wallboard (the same queue on several hosts is summed by the reader).</summary>
[GenerateSerializer]
[Immutable]
public sealed record WallboardQueue(
    [property: Id(0)] string QueueId,
    [property: Id(1)] int Waiting,
    [property: Id(2)] TimeSpan LongestWait,
    [property: Id(3)] int ReadyAgents,
    [property: Id(4)] int BusyAgents);

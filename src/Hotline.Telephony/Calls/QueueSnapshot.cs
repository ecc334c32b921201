namespace Hotline.Telephony.Calls;

/// <summary>A queue as the wallboard shows it. <see cref="EstimatedWait"/> is null when nobody with the skill works.</summary>
public sealed record QueueSnapshot(
    string QueueId,
    string Skill,
    int Waiting,
    TimeSpan LongestWait,
    int ReadyAgents,
    int BusyAgents,
    TimeSpan? EstimatedWait);

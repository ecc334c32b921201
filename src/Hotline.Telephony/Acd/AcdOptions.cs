namespace Hotline.Telephony.Acd;

/// <summary>Engine-wide ACD rules, bound from the <c>Acd</c> configuration section.</summary>
public sealed class AcdOptions
{
    public const string SectionName = "Acd";

    /// <summary>After this many unanswered offers in a row the agent is set NOT_READY.</summary>
    public int MaxConsecutiveNoAnswers { get; set; } = 3;

    /// <summary>How many recent calls per queue feed the average handle time.</summary>
    public int HandleTimeSamples { get; set; } = 50;

    /// <summary>A freshly registered agent becomes READY (softphone-only desks, load tests).</summary>
    public bool ReadyOnRegister { get; set; }
}

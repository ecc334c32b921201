using Hotline.Telephony.Acd.Events;

namespace Hotline.Telephony.Acd;

/// <summary>What a command did: the events it produced, or why it was refused (no state changed then).</summary>
public sealed record AcdOutcome(IReadOnlyList<AcdEvent> Events, string? Refusal = null)
{
    public bool IsRefused => Refusal is not null;

    internal static AcdOutcome Refuse(string reason) => new([], reason);
}

namespace Hotline.Telephony.Ivr.Actions;

/// <summary>Stop playing now (the caller pressed a key during a prompt).</summary>
public sealed record StopPrompts : IvrAction
{
    public static readonly StopPrompts Instance = new();
}

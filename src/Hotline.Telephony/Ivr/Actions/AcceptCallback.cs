namespace Hotline.Telephony.Ivr.Actions;

/// <summary>The caller accepted the queued callback: tell the ACD (its place is kept).</summary>
public sealed record AcceptCallback : IvrAction
{
    public static readonly AcceptCallback Instance = new();
}

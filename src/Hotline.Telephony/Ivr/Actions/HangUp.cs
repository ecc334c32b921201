namespace Hotline.Telephony.Ivr.Actions;

/// <summary>End the call from our side.</summary>
public sealed record HangUp : IvrAction
{
    public static readonly HangUp Instance = new();
}

namespace Hotline.Telephony.Calls;

/// <summary>The outcome of an agent command: done, or refused with a reason the API maps to a status.</summary>
public sealed record CallCenterResult(CallCenterRefusal? Refusal = null, string? Detail = null)
{
    public static CallCenterResult Done { get; } = new();

    public bool IsDone => Refusal is null;

    public static CallCenterResult Refuse(CallCenterRefusal refusal, string detail) => new(refusal, detail);
}

using Hotline.Telephony.Ivr;

namespace Hotline.Telephony.Calls;

/// <summary>
/// How an automated survey call ended: not reached (<paramref name="Refusal"/> set, with why), or answered with
/// the key pressed (<paramref name="Answer"/>; <see cref="SurveyResult.None"/> when no valid key came), and the call's id.
/// </summary>
public sealed record SurveyCallResult(CallCenterRefusal? Refusal, string Detail, SurveyResult Answer, string? CallId)
{
    public bool Reached => Refusal is null;
}

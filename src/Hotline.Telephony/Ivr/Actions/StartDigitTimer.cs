namespace Hotline.Telephony.Ivr.Actions;

/// <summary>Report Timeout if no key arrives within this time.</summary>
public sealed record StartDigitTimer(TimeSpan Timeout) : IvrAction;

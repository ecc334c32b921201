namespace Hotline.Telephony.Ivr.Actions;

/// <summary>Play these prompts back to back (replacing what plays); report PromptFinished after the last.</summary>
public sealed record PlayPrompts(IReadOnlyList<string> Prompts) : IvrAction;

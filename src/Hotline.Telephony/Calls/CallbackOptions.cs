namespace Hotline.Telephony.Calls;

/// <summary>The "Callbacks" configuration section: which numbers the edge may call back at the hotline's cost.</summary>
public sealed class CallbackOptions
{
    public const string SectionName = "Callbacks";

    /// <summary>
    /// Regular expressions a callback number must match whole (Callbacks:AllowedNumbers:0, :1, …); any other
    /// number is kept and flagged for an agent, never dialled. Left unset: <see cref="CallbackNumberPolicy.DefaultPatterns"/>
    /// (mainland mobile and fixed-line numbers). Setting any entry replaces the defaults entirely.
    /// </summary>
    public List<string>? AllowedNumbers { get; set; }
}

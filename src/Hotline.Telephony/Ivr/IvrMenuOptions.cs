namespace Hotline.Telephony.Ivr;

/// <summary>The one-key menu that picks a skill queue; bound from <c>Ivr:Menu</c>.</summary>
public sealed class IvrMenuOptions
{
    /// <summary>Without a menu every caller goes straight to <see cref="DefaultQueue"/> after the greeting.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Key to queue id, e.g. 1 → general, 2 → utilities, 3 → business, 4 → english.</summary>
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal)
    {
        ["1"] = "general",
        ["2"] = "utilities",
        ["3"] = "business",
        ["4"] = "english",
    };

    /// <summary>Where callers go with no menu, on priority, or after the menu's last attempt.</summary>
    public string DefaultQueue { get; set; } = "general";

    /// <summary>How long to wait for a key after the menu finishes playing.</summary>
    public TimeSpan DigitTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Menu plays at most this many times; then the caller is queued to the default queue.</summary>
    public int MaxAttempts { get; set; } = 2;

    /// <summary>Priority callers (elderly, one-key-to-human list) queue with this priority and skip the menu.</summary>
    public int PriorityLevel { get; set; } = 10;
}

namespace Hotline.Telephony.Ivr;

/// <summary>IVR settings, bound from the <c>Ivr</c> configuration section.</summary>
public sealed class IvrOptions
{
    public const string SectionName = "Ivr";

    /// <summary>Folder with the default prompt set (one WAV per <see cref="PromptNames"/> entry).</summary>
    public string PromptDirectory { get; set; } = Path.Combine("Prompts", "cmn");

    /// <summary>Per-queue folders whose WAVs replace default prompts of the same name for that queue's callers.</summary>
    public Dictionary<string, string> QueuePromptDirectories { get; set; } = new(StringComparer.Ordinal);

    public IvrMenuOptions Menu { get; set; } = new();

    /// <summary>How long the survey waits for a key after its prompt.</summary>
    public TimeSpan SurveyDigitTimeout { get; set; } = TimeSpan.FromSeconds(6);
}

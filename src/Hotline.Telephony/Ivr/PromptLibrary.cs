using Hotline.Telephony.Media.Recording;

namespace Hotline.Telephony.Ivr;

/// <summary>
/// Prompt audio loaded once at start-up as 8 kHz linear samples, so playing is only encoding and pacing.
/// A queue's own folder overrides default prompts by name. Missing or malformed files fail the start
/// with a message naming the file, rather than a silent call later.
/// </summary>
public sealed class PromptLibrary
{
    private readonly Dictionary<string, short[]> _defaults;
    private readonly Dictionary<string, Dictionary<string, short[]>> _byQueue;

    private PromptLibrary(Dictionary<string, short[]> defaults, Dictionary<string, Dictionary<string, short[]>> byQueue)
    {
        _defaults = defaults;
        _byQueue = byQueue;
    }

    public static PromptLibrary Load(IvrOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Dictionary<string, short[]> defaults = LoadFolder(options.PromptDirectory);
        string[] missing = PromptNames.All.Where(name => !defaults.ContainsKey(name)).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidDataException(
                $"Prompt set {Path.GetFullPath(options.PromptDirectory)} lacks {string.Join(", ", missing.Select(m => m + ".wav"))}.");
        }

        var byQueue = options.QueuePromptDirectories.ToDictionary(pair => pair.Key, pair => LoadFolder(pair.Value), StringComparer.Ordinal);
        return new PromptLibrary(defaults, byQueue);
    }

    /// <summary>The prompt for a queue's callers (its own version if it has one).</summary>
    public short[] Get(string name, string? queueId = null)
    {
        if (queueId is not null && _byQueue.TryGetValue(queueId, out var own) && own.TryGetValue(name, out short[]? audio))
        {
            return audio;
        }

        return _defaults.TryGetValue(name, out short[]? fallback)
            ? fallback
            : throw new KeyNotFoundException($"No prompt named {name}.");
    }

    private static Dictionary<string, short[]> LoadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Prompt folder {Path.GetFullPath(folder)} does not exist.");
        }

        return Directory.EnumerateFiles(folder, "*.wav").ToDictionary(
            file => Path.GetFileNameWithoutExtension(file),
            file => WavAudio.ReadMono8k(File.ReadAllBytes(file), file),
            StringComparer.Ordinal);
    }
}

namespace Hotline.Telephony.Media.Recording;

/// <summary>Where a call's recording lives under the data directory: recordings/yyyy/MM/dd/{callId}.wav.</summary>
public static class RecordingPaths
{
    public static string For(string dataDirectory, string callId, DateTimeOffset start)
    {
        ArgumentException.ThrowIfNullOrEmpty(callId);

        // Call-IDs come from the network; keep only characters that cannot climb out of the directory.
        Span<char> safe = callId.Length <= 256 ? stackalloc char[callId.Length] : new char[callId.Length];
        for (int i = 0; i < callId.Length; i++)
        {
            char c = callId[i];
            safe[i] = char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_';
        }

        DateTimeOffset utc = start.ToUniversalTime();
        return Path.Combine(
            dataDirectory,
            "recordings",
            utc.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture),
            utc.ToString("MM", System.Globalization.CultureInfo.InvariantCulture),
            utc.ToString("dd", System.Globalization.CultureInfo.InvariantCulture),
            new string(safe) + ".wav");
    }
}

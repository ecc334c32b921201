using System.Reflection;

namespace Hotline.Search;

/// <summary>Reads text files embedded in this assembly (tables and the demo corpus).</summary>
internal static class EmbeddedText
{
    public static string Read(string relativeName)
    {
        var assembly = typeof(EmbeddedText).Assembly;
        using var stream = assembly.GetManifestResourceStream("Hotline.Search." + relativeName)
            ?? throw new InvalidOperationException($"Embedded resource {relativeName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static Stream Open(string relativeName) =>
        typeof(EmbeddedText).Assembly.GetManifestResourceStream("Hotline.Search." + relativeName)
            ?? throw new InvalidOperationException($"Embedded resource {relativeName} is missing.");
}

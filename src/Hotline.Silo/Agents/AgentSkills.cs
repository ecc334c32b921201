using System.Globalization;

namespace Hotline.Silo.Agents;

/// <summary>
/// An agent's skills as text, "general:5,utilities:3": skill names of letters, digits, '_' or '-' (1–32),
/// each with a level 1–9 (higher levels are offered calls first). The same text is stored in agents.skills.
/// </summary>
internal static class AgentSkills
{
    public const int MaxNameLength = 32;
    public const int MinLevel = 1;
    public const int MaxLevel = 9;

    /// <summary>Parses the text; an empty or blank text means no skills.</summary>
    /// <exception cref="FormatException">The text is malformed; the message says which part and why.</exception>
    public static IReadOnlyDictionary<string, int> Parse(string text)
    {
        var skills = new Dictionary<string, int>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            return skills;
        }

        foreach (var part in text.Split(','))
        {
            var item = part.Trim();
            var colon = item.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                throw new FormatException($"skill '{item}' must be name:level, e.g. general:5");
            }

            var name = item[..colon];
            var levelText = item[(colon + 1)..];
            if (!IsName(name))
            {
                throw new FormatException($"skill name '{name}' must be 1–{MaxNameLength} letters, digits, '_' or '-'");
            }

            if (!int.TryParse(levelText, NumberStyles.None, CultureInfo.InvariantCulture, out var level) || level is < MinLevel or > MaxLevel)
            {
                throw new FormatException($"skill '{name}' needs a level {MinLevel}–{MaxLevel}, not '{levelText}'");
            }

            if (!skills.TryAdd(name, level))
            {
                throw new FormatException($"skill '{name}' is given twice");
            }
        }

        return skills;
    }

    /// <summary>The canonical text: skills sorted by name, so equal sets store equally.</summary>
    public static string Format(IReadOnlyDictionary<string, int> skills) =>
        string.Join(',', skills.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key}:{s.Value}")));

    private static bool IsName(string name) =>
        name.Length is > 0 and <= MaxNameLength && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}

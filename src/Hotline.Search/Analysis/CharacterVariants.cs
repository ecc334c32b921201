namespace Hotline.Search.Analysis;

/// <summary>
/// Characters a caller or agent may type in place of another: homophones (the input method offers
/// the whole group) and look-alikes. Read from a plain-text table operators can extend:
/// <c>syllable:characters</c> per line, <c>#</c> starts a comment.
/// </summary>
public sealed class CharacterVariants
{
    private readonly Dictionary<char, char[]> _variants;

    private CharacterVariants(Dictionary<char, char[]> variants) => _variants = variants;

    /// <summary>The table shipped with the library.</summary>
    public static CharacterVariants Default { get; } = Parse(EmbeddedText.Read("Analysis.homophones.txt"));

    /// <summary>Parses the table text; malformed lines are ignored (a table is advisory).</summary>
    public static CharacterVariants Parse(string text)
    {
        var sets = new Dictionary<char, HashSet<char>>();
        var near = new Dictionary<string, List<char>>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var colon = line.IndexOf(':');
            if (line.Length == 0 || line[0] == '#' || colon < 0)
            {
                continue;
            }

            var group = TextFolding.Fold(line[(colon + 1)..]).Where(TextFolding.IsHan).Distinct().ToArray();
            Join(sets, group);
            var syllable = line[..colon].Trim();
            if (syllable.All(char.IsAsciiLetterLower))
            {
                var key = NearKey(syllable);
                if (!near.TryGetValue(key, out var members))
                {
                    near[key] = members = [];
                }

                members.AddRange(group);
            }
        }

        foreach (var members in near.Values)
        {
            Join(sets, members.Distinct().ToArray());
        }

        return new CharacterVariants(sets.ToDictionary(p => p.Key, p => p.Value.ToArray()));
    }

    /// <summary>The syllable with the distinctions many speakers blur dropped: zh/ch/sh → z/c/s, -ng → -n.</summary>
    internal static string NearKey(string syllable)
    {
        var key = syllable.Length > 2 && syllable[1] == 'h' && syllable[0] is 'z' or 'c' or 's' ? syllable[0] + syllable[2..] : syllable;
        return key.EndsWith("ng", StringComparison.Ordinal) && key.Length > 2 ? key[..^1] : key;
    }

    private static void Join(Dictionary<char, HashSet<char>> sets, char[] group)
    {
        foreach (var c in group)
        {
            if (!sets.TryGetValue(c, out var set))
            {
                sets[c] = set = [];
            }

            set.UnionWith(group.Where(other => other != c));
        }
    }

    /// <summary>Characters that may have been meant instead of <paramref name="c"/>.</summary>
    public ReadOnlySpan<char> Of(char c) => _variants.TryGetValue(c, out var v) ? v : ReadOnlySpan<char>.Empty;
}

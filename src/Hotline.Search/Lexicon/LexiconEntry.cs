namespace Hotline.Search.Lexicon;

/// <summary>
/// One colloquial → official mapping: a caller's words (房东不退押金) and the official term the
/// knowledge base uses (房屋租赁纠纷). <paramref name="Weight"/> scales how much the official term
/// counts when the colloquial words are heard (0 &lt; weight ≤ 2, 1 by default);
/// <paramref name="Source"/> says where the entry came from ("hand-written", "from department
/// duties: 市人社局", "from labelled tickets: T-0017", "editor: e-104").
/// </summary>
public sealed record LexiconEntry(string Colloquial, string Official, float Weight, string Source)
{
    /// <summary>Longest colloquial or official text accepted.</summary>
    public const int MaxTextLength = 32;

    /// <summary>Longest source description accepted.</summary>
    public const int MaxSourceLength = 120;

    /// <summary>Largest weight accepted.</summary>
    public const float MaxWeight = 2f;
}

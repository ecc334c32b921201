namespace Hotline.Search.Engine.Embedded;

/// <summary>
/// Per-thread scoring buffers, indexed by document number: the score so far, the documents in play
/// (non-zero score), and the query term weight each matched. Reused between queries and cleared
/// through the touched list, so a query costs what it touches, not the index size.
/// </summary>
internal sealed class ScoreScratch
{
    [ThreadStatic]
    private static ScoreScratch? t_current;

    private ScoreScratch(int length)
    {
        Scores = new float[length];
        Coverage = new float[length];
        TitleTerms = new byte[length];
        TitleShare = new float[length];
    }

    public float[] Scores { get; }

    /// <summary>Per document, the query term weight (idf × weight) it matched.</summary>
    public float[] Coverage { get; }

    /// <summary>Per document, how many query terms matched its title (saturating at 255).</summary>
    public byte[] TitleTerms { get; }

    /// <summary>Per document, the part of its score that came from title matches.</summary>
    public float[] TitleShare { get; }

    public List<int> Touched { get; } = [];

    /// <summary>This thread's buffers, grown to hold <paramref name="documents"/> documents.</summary>
    public static ScoreScratch For(int documents) =>
        t_current is { } s && s.Scores.Length >= documents ? s : t_current = new ScoreScratch(Math.Max(documents, 1024) * 2);

    /// <summary>Puts a document in play unless it already is.</summary>
    public void Touch(int doc, float initial)
    {
        if (Scores[doc] == 0)
        {
            Touched.Add(doc);
            Scores[doc] = initial;
        }
    }

    public void Clear()
    {
        foreach (var doc in Touched)
        {
            Scores[doc] = 0;
            Coverage[doc] = 0;
            TitleTerms[doc] = 0;
            TitleShare[doc] = 0;
        }

        Touched.Clear();
    }
}

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

    /// <summary>Documents that must stay in play whatever their text score (lifted by history: their lift comes after the terms).</summary>
    public List<int> Pinned { get; } = [];

    /// <summary>Live documents taken out of play by candidate pruning (<see cref="CandidatePruning"/>); they matched, so they count in the total.</summary>
    public int Dropped { get; set; }

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

    /// <summary>
    /// Puts the documents in play in ascending order. When they are a large share of the index, a
    /// scan of the scores (vectorised) is far cheaper than sorting tens of thousands of numbers.
    /// </summary>
    public void SortTouched(int searchable)
    {
        if (Touched.Count * 8 < searchable)
        {
            Touched.Sort();
            return;
        }

        Touched.Clear();
        var scores = Scores.AsSpan(0, searchable);
        var at = 0;
        while (at < scores.Length)
        {
            var next = scores[at..].IndexOfAnyExcept(0f);
            if (next < 0)
            {
                break;
            }

            Touched.Add(at + next);
            at += next + 1;
        }
    }

    /// <summary>Takes a document out of play (its buffers cleared); the caller removes it from <see cref="Touched"/>.</summary>
    public void Forget(int doc)
    {
        Scores[doc] = 0;
        Coverage[doc] = 0;
        TitleTerms[doc] = 0;
        TitleShare[doc] = 0;
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
        Pinned.Clear();
        Dropped = 0;
    }
}

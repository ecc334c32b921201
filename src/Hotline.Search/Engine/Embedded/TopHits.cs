namespace Hotline.Search.Engine.Embedded;

/// <summary>Collects the best documents in play through a bounded heap, applying the folded filters.</summary>
internal static class TopHits
{
    /// <summary>The best <paramref name="count"/> after skipping <paramref name="skip"/>, and how many documents matched.</summary>
    public static (IReadOnlyList<(IndexedArticle Doc, float Score)> Hits, int Total) Collect(
        ScoreScratch scratch, IReadOnlyList<IndexedArticle> docs, bool[] alive, string? category, string? department, string? appliesTo, int skip, int count)
    {
        var wanted = skip + count;
        var heap = new PriorityQueue<int, (float Score, int Doc)>(wanted + 1);
        var total = scratch.Dropped;
        var filtered = category is not null || department is not null || appliesTo is not null;
        var floor = float.MinValue;
        foreach (var doc in scratch.Touched)
        {
            if (!alive[doc] || (filtered && !docs[doc].Matches(category, department, appliesTo)))
            {
                continue;
            }

            total++;
            var score = scratch.Scores[doc];
            if (score < floor)
            {
                continue;
            }

            // Ties break towards the lower document number so results are stable between runs.
            var key = (score, -doc);
            if (heap.Count < wanted)
            {
                heap.Enqueue(doc, key);
            }
            else if (heap.TryPeek(out _, out var weakest) && key.CompareTo(weakest) > 0)
            {
                heap.DequeueEnqueue(doc, key);
                floor = heap.TryPeek(out _, out var next) ? next.Score : floor;
            }
        }

        var ranked = new List<(IndexedArticle, float)>(heap.Count);
        while (heap.TryDequeue(out var doc, out var key))
        {
            ranked.Add((docs[doc], key.Score));
        }

        ranked.Reverse();
        return (ranked.Skip(skip).ToList(), total);
    }
}

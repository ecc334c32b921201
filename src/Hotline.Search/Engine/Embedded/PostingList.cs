namespace Hotline.Search.Engine.Embedded;

/// <summary>
/// The articles containing one term, in ascending document order, with the term's count per field
/// packed into 16 bits: title (bits 12-15), keywords (8-11), content (0-7), each saturating.
/// </summary>
internal sealed class PostingList
{
    private int[] _docs = new int[2];
    private ushort[] _counts = new ushort[2];

    public int Count { get; private set; }

    public ReadOnlySpan<int> Docs => _docs.AsSpan(0, Count);

    public ReadOnlySpan<ushort> Counts => _counts.AsSpan(0, Count);

    public void Add(int doc, ushort packedCounts)
    {
        if (Count == _docs.Length)
        {
            var size = Count * 2;
            Array.Resize(ref _docs, size);
            Array.Resize(ref _counts, size);
        }

        _docs[Count] = doc;
        _counts[Count] = packedCounts;
        Count++;
    }

    public static int Title(ushort packed) => packed >> 12;

    public static int Keywords(ushort packed) => (packed >> 8) & 0xF;

    public static int Content(ushort packed) => packed & 0xFF;

    public static ushort Pack(int title, int keywords, int content) =>
        (ushort)((Math.Min(title, 15) << 12) | (Math.Min(keywords, 15) << 8) | Math.Min(content, 255));
}

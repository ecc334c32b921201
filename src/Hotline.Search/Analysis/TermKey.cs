namespace Hotline.Search.Analysis;

/// <summary>
/// Terms are 64-bit keys rather than strings so indexing 100,000 articles does not allocate a
/// string per token: a Han bigram or unigram packs its characters, a word is hashed (FNV-1a).
/// The top byte is the kind, so the spaces cannot collide.
/// </summary>
internal static class TermKey
{
    private const ulong BigramTag = 1UL << 56;
    private const ulong UnigramTag = 2UL << 56;
    private const ulong WordTag = 3UL << 56;
    private const ulong PayloadMask = (1UL << 56) - 1;

    public static ulong Bigram(char first, char second) => BigramTag | ((ulong)first << 16) | second;

    public static ulong Unigram(char c) => UnigramTag | c;

    public static ulong Word(ReadOnlySpan<char> folded)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in folded)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return WordTag | (hash & PayloadMask);
    }

    public static bool IsBigram(ulong key) => (key & ~PayloadMask) == BigramTag;

    public static bool IsUnigram(ulong key) => (key & ~PayloadMask) == UnigramTag;

    public static (char First, char Second) BigramChars(ulong key) => ((char)((key >> 16) & 0xFFFF), (char)(key & 0xFFFF));
}

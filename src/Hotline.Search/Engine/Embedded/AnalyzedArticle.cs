using Hotline.Search.Analysis;
using Hotline.Search.Articles;

namespace Hotline.Search.Engine.Embedded;

/// <summary>
/// An article's terms with their per-field counts packed as in <see cref="PostingList"/>, and its
/// field lengths. Pure and thread safe, so a rebuild analyses articles on all cores and only the
/// posting appends run on one thread.
/// </summary>
internal sealed record AnalyzedArticle(Article Article, KeyValuePair<ulong, ushort>[] Terms, int TitleLength, int KeywordLength, int ContentLength)
{
    public static AnalyzedArticle Analyze(Article article)
    {
        var counts = new Dictionary<ulong, ushort>();
        var tokens = new List<Token>();
        var title = CountField(article.Title, 12, counts, tokens);
        var keywords = 0;
        foreach (var keyword in article.Keywords)
        {
            keywords += CountField(keyword, 8, counts, tokens);
        }

        var content = CountField(article.Content, 0, counts, tokens);
        return new AnalyzedArticle(article, counts.ToArray(), title, keywords, content);
    }

    /// <summary>Counts the field's terms at the given bit offset, saturating; returns the field length.</summary>
    private static int CountField(string text, int shift, Dictionary<ulong, ushort> counts, List<Token> tokens)
    {
        tokens.Clear();
        TextAnalyzer.Analyze(TextFolding.Fold(text), tokens);
        var max = shift == 0 ? 255 : 15;
        foreach (var token in tokens)
        {
            counts.TryGetValue(token.Key, out var packed);
            if (((packed >> shift) & max) < max)
            {
                counts[token.Key] = (ushort)(packed + (1 << shift));
            }
        }

        return tokens.Count;
    }
}

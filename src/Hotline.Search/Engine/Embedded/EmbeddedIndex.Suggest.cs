using Hotline.Search.Analysis;

namespace Hotline.Search.Engine.Embedded;

/// <summary>Title autocomplete: titles containing the typed text, those starting with it first.</summary>
internal sealed partial class EmbeddedIndex
{
    public IReadOnlyList<(IndexedArticle Doc, int Position)> TitlesContaining(string foldedText, int limit)
    {
        IEnumerable<int> candidates = _byId.Values;
        if (foldedText.Length >= 2 && TextFolding.IsHan(foldedText[0]) && TextFolding.IsHan(foldedText[1]))
        {
            // Any title containing the text contains its first bigram: scan only those postings.
            candidates = _postings.TryGetValue(TermKey.Bigram(foldedText[0], foldedText[1]), out var list)
                ? TitleDocs(list)
                : [];
        }

        return candidates
            .Where(doc => _docs[doc].Alive)
            .Select(doc => (Doc: _docs[doc], Position: _docs[doc].FoldedTitle.IndexOf(foldedText, StringComparison.Ordinal)))
            .Where(c => c.Position >= 0)
            .OrderBy(c => c.Position == 0 ? 0 : 1)
            .ThenBy(c => c.Doc.FoldedTitle.Length)
            .ThenBy(c => c.Doc.Article.Id, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }

    private static IEnumerable<int> TitleDocs(PostingList list)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (PostingList.Title(list.Counts[i]) > 0)
            {
                yield return list.Docs[i];
            }
        }
    }
}

namespace Hotline.Search.Articles;

/// <summary>Names the fields an edit changed, for the history entry.</summary>
internal static class ArticleChanges
{
    public static string Describe(ArticleDraft before, ArticleDraft after)
    {
        var changed = new List<string>();
        Compare("title", before.Title, after.Title);
        Compare("category", before.Category, after.Category);
        Compare("department", before.Department, after.Department);
        Compare("keywords", string.Join('\u001f', before.Keywords), string.Join('\u001f', after.Keywords));
        Compare("applies_to", before.AppliesTo, after.AppliesTo);
        Compare("content", before.Content, after.Content);
        if (after.Updated is not null && after.Updated != before.Updated)
        {
            changed.Add("updated");
        }

        return changed.Count == 0 ? "no change" : string.Join(", ", changed);

        void Compare(string name, string a, string b)
        {
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                changed.Add(name);
            }
        }
    }
}

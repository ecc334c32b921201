namespace Hotline.Search.Articles;

/// <summary>A section of an article's Markdown content; text before the first heading has an empty heading.</summary>
public sealed record ArticleSection(string Heading, string Body)
{
    /// <summary>Splits Markdown at its level-2 headings (<c>## </c>).</summary>
    public static IReadOnlyList<ArticleSection> Split(string markdown)
    {
        var sections = new List<ArticleSection>();
        var heading = string.Empty;
        var body = new List<string>();
        foreach (var line in markdown.Split('\n'))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                heading = line[3..].Trim();
                body.Clear();
            }
            else
            {
                body.Add(line.TrimEnd('\r'));
            }
        }

        Flush();
        return sections;

        void Flush()
        {
            var text = string.Join('\n', body).Trim();
            if (heading.Length > 0 || text.Length > 0)
            {
                sections.Add(new ArticleSection(heading, text));
            }
        }
    }
}

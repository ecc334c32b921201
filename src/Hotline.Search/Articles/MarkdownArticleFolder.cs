using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Hotline.Search.Articles;

/// <summary>
/// Import and export of a folder of Markdown files, one article per <c>*.md</c> file, with the
/// metadata as front matter between <c>---</c> lines (<c>key: value</c>; keywords as a JSON array):
/// editors can keep the knowledge base in a text repository and review changes as diffs.
/// </summary>
public static class MarkdownArticleFolder
{
    /// <summary>Largest file accepted.</summary>
    public const int MaxFileBytes = 1_000_000;

    private static readonly string[] Fields = ["id", "title", "category", "department", "keywords", "applies_to", "updated"];

    /// <summary>Parses every <c>*.md</c> file in the folder (not recursive), in name order.</summary>
    public static ImportBatch Parse(string folder)
    {
        var drafts = new List<ArticleDraft>();
        var errors = new List<ImportError>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (new FileInfo(path).Length > MaxFileBytes)
            {
                errors.Add(new ImportError(name, 1, $"file is larger than {MaxFileBytes} bytes"));
                continue;
            }

            var (draft, line, error) = ParseFile(File.ReadAllText(path, Encoding.UTF8));
            if (draft is not null && seen.TryGetValue(draft.Id, out var other))
            {
                (line, error) = (1, $"duplicate id {draft.Id} (also in {other})");
            }

            if (error is not null)
            {
                errors.Add(new ImportError(name, line, error));
                continue;
            }

            seen[draft!.Id] = name;
            drafts.Add(draft);
        }

        return new ImportBatch(drafts, errors);
    }

    /// <summary>Writes one <c>{id}.md</c> file per article into the folder (created if missing).</summary>
    public static void Write(IEnumerable<Article> articles, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var article in articles)
        {
            var text = new StringBuilder()
                .Append("---\n")
                .Append("id: ").Append(article.Id).Append('\n')
                .Append("title: ").Append(article.Title).Append('\n')
                .Append("category: ").Append(article.Category).Append('\n')
                .Append("department: ").Append(article.Department).Append('\n')
                .Append("keywords: ").Append(JsonSerializer.Serialize(article.Keywords, ArticleJsonOptions.Relaxed)).Append('\n')
                .Append("applies_to: ").Append(article.AppliesTo).Append('\n')
                .Append("updated: ").Append(article.Updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n')
                .Append("---\n")
                .Append(article.Content).Append('\n');
            File.WriteAllText(Path.Combine(folder, article.Id + ".md"), text.ToString(), new UTF8Encoding(false));
        }
    }

    private static (ArticleDraft? Draft, int Line, string? Error) ParseFile(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            return (null, 1, "file must start with a '---' front matter line");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var end = -1;
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim() == "---")
            {
                end = i;
                break;
            }

            var colon = lines[i].IndexOf(':');
            var key = colon > 0 ? lines[i][..colon].Trim() : string.Empty;
            if (!Fields.Contains(key))
            {
                return (null, i + 1, $"front matter line is not one of '{string.Join("', '", Fields)}' followed by ':'");
            }

            values[key] = lines[i][(colon + 1)..].Trim();
        }

        if (end < 0)
        {
            return (null, lines.Length, "front matter is not closed by '---'");
        }

        var json = new Dictionary<string, object?>(values.Where(p => p.Key != "keywords").Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)))
        {
            ["content"] = string.Join('\n', lines.Skip(end + 1)).Trim('\n'),
        };
        if (values.TryGetValue("keywords", out var keywords))
        {
            try
            {
                json["keywords"] = JsonSerializer.Deserialize<JsonElement>(keywords);
            }
            catch (JsonException)
            {
                return (null, Array.FindIndex(lines, l => l.StartsWith("keywords", StringComparison.Ordinal)) + 1, "keywords must be a JSON array of strings");
            }
        }

        var element = JsonSerializer.SerializeToElement(json);
        var (draft, error) = ArticleJson.Read(element);
        return (draft, 1, error);
    }
}

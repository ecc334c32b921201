using System.Globalization;
using System.Text.Json;

namespace Hotline.Search.Articles;

/// <summary>
/// One article as a JSON object in the shape of the demo corpus (id, title, category, department,
/// keywords, applies_to, content, updated). Shared by JSON Lines and Markdown front matter.
/// </summary>
internal static class ArticleJson
{
    /// <summary>Reads a draft from a JSON object, or returns the reason it cannot.</summary>
    public static (ArticleDraft? Draft, string? Error) Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, "record is not a JSON object");
        }

        string? Text(string name) =>
            element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

        foreach (var required in new[] { "id", "title", "category", "department", "content" })
        {
            if (Text(required) is null)
            {
                return (null, $"missing or non-string field '{required}'");
            }
        }

        var keywords = new List<string>();
        if (element.TryGetProperty("keywords", out var list))
        {
            if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(k => k.ValueKind != JsonValueKind.String))
            {
                return (null, "keywords must be an array of strings");
            }

            keywords.AddRange(list.EnumerateArray().Select(k => k.GetString()!));
        }

        DateOnly? updated = null;
        if (Text("updated") is { } date)
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return (null, $"updated '{Truncate(date)}' is not a yyyy-MM-dd date");
            }

            updated = parsed;
        }

        var draft = new ArticleDraft(Text("id")!, Text("title")!, Text("category")!, Text("department")!, keywords,
            Text("applies_to") ?? string.Empty, Text("content")!, updated);
        return ArticleRules.Check(draft) is { } reason ? (null, reason) : (draft, null);
    }

    public static void Write(Utf8JsonWriter writer, Article article)
    {
        writer.WriteStartObject();
        writer.WriteString("id", article.Id);
        writer.WriteString("title", article.Title);
        writer.WriteString("category", article.Category);
        writer.WriteString("department", article.Department);
        writer.WriteStartArray("keywords");
        foreach (var keyword in article.Keywords)
        {
            writer.WriteStringValue(keyword);
        }

        writer.WriteEndArray();
        writer.WriteString("applies_to", article.AppliesTo);
        writer.WriteString("content", article.Content);
        writer.WriteString("updated", article.Updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteEndObject();
    }

    public static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

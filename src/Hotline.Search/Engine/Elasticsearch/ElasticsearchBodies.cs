using System.Text;
using System.Text.Json;
using Hotline.Search.Analysis;
using Hotline.Search.Articles;

namespace Hotline.Search.Engine.Elasticsearch;

/// <summary>
/// Request bodies for Elasticsearch 8, written with <see cref="Utf8JsonWriter"/> so user text is
/// always a JSON string value and never JSON or query syntax. Text fields are folded client-side
/// (traditional → simplified, full-width → half-width) with the same code as the embedded engine;
/// the server's analysis chain then splits Han text into bigrams (cjk_width, lowercase, cjk_bigram).
/// </summary>
internal static class ElasticsearchBodies
{
    public static byte[] IndexTemplate(string alias) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("index_patterns");
        w.WriteStringValue(alias + "-*");
        w.WriteEndArray();
        w.WriteStartObject("template");
        w.WriteStartObject("settings");
        w.WriteNumber("number_of_shards", 1);
        w.WriteStartObject("analysis");
        w.WriteStartObject("analyzer");
        w.WriteStartObject("hotline_cjk");
        w.WriteString("type", "custom");
        w.WriteString("tokenizer", "standard");
        w.WriteStartArray("filter");
        foreach (var filter in new[] { "cjk_width", "lowercase", "cjk_bigram" })
        {
            w.WriteStringValue(filter);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("mappings");
        w.WriteStartObject("properties");
        foreach (var text in new[] { "title", "keywords", "content" })
        {
            w.WriteStartObject(text);
            w.WriteString("type", "text");
            w.WriteString("analyzer", "hotline_cjk");
            w.WriteEndObject();
        }

        foreach (var keyword in new[] { "id", "category", "department", "applies_to", "title_folded" })
        {
            w.WriteStartObject(keyword);
            w.WriteString("type", "keyword");
            w.WriteEndObject();
        }

        w.WriteStartObject("source");
        w.WriteString("type", "object");
        w.WriteBoolean("enabled", false);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    });

    /// <summary>The indexed document: folded search fields plus the original article, stored unindexed.</summary>
    public static void Document(Utf8JsonWriter w, Article article)
    {
        w.WriteStartObject();
        w.WriteString("id", article.Id);
        w.WriteString("title", TextFolding.Fold(article.Title));
        w.WriteString("title_folded", TextFolding.Fold(article.Title));
        w.WriteStartArray("keywords");
        foreach (var keyword in article.Keywords)
        {
            w.WriteStringValue(TextFolding.Fold(keyword));
        }

        w.WriteEndArray();
        w.WriteString("content", TextFolding.Fold(article.Content));
        w.WriteString("category", TextFolding.Fold(article.Category));
        w.WriteString("department", TextFolding.Fold(article.Department));
        w.WriteStartArray("applies_to");
        foreach (var who in AppliesToTerms(article.AppliesTo))
        {
            w.WriteStringValue(who);
        }

        w.WriteEndArray();
        w.WritePropertyName("source");
        ArticleJson.Write(w, article);
        w.WriteEndObject();
    }

    public static byte[] Document(Article article) => Write(w => Document(w, article));

    /// <summary>NDJSON for _bulk: an index action line and a document line per article.</summary>
    public static byte[] Bulk(string index, IEnumerable<Article> articles)
    {
        using var buffer = new MemoryStream();
        foreach (var article in articles)
        {
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteStartObject("index");
                w.WriteString("_index", index);
                w.WriteString("_id", article.Id);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
            using (var w = new Utf8JsonWriter(buffer))
            {
                Document(w, article);
            }

            buffer.WriteByte((byte)'\n');
        }

        return buffer.ToArray();
    }

    /// <summary>Atomically points the alias at the new index and away from the old ones.</summary>
    public static byte[] SwapAlias(string alias, string newIndex, IEnumerable<string> oldIndices) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("actions");
        foreach (var old in oldIndices)
        {
            w.WriteStartObject();
            w.WriteStartObject("remove");
            w.WriteString("index", old);
            w.WriteString("alias", alias);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteStartObject();
        w.WriteStartObject("add");
        w.WriteString("index", newIndex);
        w.WriteString("alias", alias);
        w.WriteBoolean("is_write_index", true);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static IEnumerable<string> AppliesToTerms(string appliesTo)
    {
        var folded = TextFolding.Fold(appliesTo);
        yield return folded;
        foreach (var part in folded.Split(['和', '、', ',', '，', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part != folded)
            {
                yield return part;
            }
        }
    }

    public static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            body(w);
        }

        return buffer.ToArray();
    }

    public static string Text(byte[] body) => Encoding.UTF8.GetString(body);
}

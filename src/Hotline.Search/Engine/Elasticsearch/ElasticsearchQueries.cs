using System.Text;
using System.Text.Json;
using Hotline.Search.Analysis;

namespace Hotline.Search.Engine.Elasticsearch;

/// <summary>Search and suggest bodies: the same field boosts, filler removal, synonyms and filters as the embedded engine.</summary>
internal static class ElasticsearchQueries
{
    private static readonly string[] BoostedFields = ["title^4", "keywords^3", "content"];

    public static byte[] Search(SearchRequest request, SynonymTable synonyms) => ElasticsearchBodies.Write(w =>
    {
        var folded = TextFolding.Fold(request.Query);
        var text = QueryPlanner.BlankFillers(folded);
        w.WriteStartObject();
        w.WriteNumber("from", request.Offset);
        w.WriteNumber("size", request.Limit);
        w.WriteBoolean("track_total_hits", true);
        w.WritePropertyName("_source");
        w.WriteStringValue("source");
        w.WriteStartObject("query");
        w.WriteStartObject("bool");
        w.WriteStartArray("should");
        MultiMatch(w, string.IsNullOrWhiteSpace(text) ? folded : text, 1.0);
        foreach (var alternative in synonyms.AlternativesIn(folded))
        {
            MultiMatch(w, alternative, 0.7);
        }

        w.WriteEndArray();
        w.WriteNumber("minimum_should_match", 1);
        w.WriteStartArray("filter");
        Term(w, "category", request.Category);
        Term(w, "department", request.Department);
        Term(w, "applies_to", request.AppliesTo);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    });

    public static byte[] Suggest(string prefix, int limit) => ElasticsearchBodies.Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("size", limit);
        w.WritePropertyName("_source");
        w.WriteStringValue("source");
        w.WriteStartObject("query");
        w.WriteStartObject("wildcard");
        w.WriteStartObject("title_folded");
        w.WriteString("value", "*" + EscapeWildcard(TextFolding.Fold(prefix.Trim())) + "*");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("sort");
        w.WriteStringValue("_score");
        w.WriteStringValue("id");
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>Wildcard syntax characters in user text are escaped so they match literally.</summary>
    public static string EscapeWildcard(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '*' or '?' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static void MultiMatch(Utf8JsonWriter w, string text, double boost)
    {
        w.WriteStartObject();
        w.WriteStartObject("multi_match");
        w.WriteString("query", text);
        w.WriteString("type", "most_fields");
        w.WriteStartArray("fields");
        foreach (var field in BoostedFields)
        {
            w.WriteStringValue(field);
        }

        w.WriteEndArray();
        w.WriteNumber("boost", boost);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Term(Utf8JsonWriter w, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        w.WriteStartObject();
        w.WriteStartObject("term");
        w.WriteString(field, TextFolding.Fold(value.Trim()));
        w.WriteEndObject();
        w.WriteEndObject();
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hotline.SearchBench;

/// <summary>A query written by hand with graded relevant articles (2 = the answer, 1 = useful).</summary>
internal sealed record JudgedQuery(
    [property: JsonPropertyName("q")] string Query,
    [property: JsonPropertyName("rel")] Dictionary<string, int> Relevant,
    [property: JsonPropertyName("kind")] string Kind)
{
    public static IReadOnlyList<JudgedQuery> Load(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => JsonSerializer.Deserialize<JudgedQuery>(l)!).ToList();
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hotline.SearchBench;

/// <summary>
/// A query written by hand with graded relevant articles (2 = the answer, 1 = useful). A query
/// with no grade-2 article has no answer in the corpus: it is left out of hit@k and counted apart.
/// </summary>
internal sealed record JudgedQuery(
    [property: JsonPropertyName("q")] string Query,
    [property: JsonPropertyName("rel")] Dictionary<string, int> Relevant,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("id")] string? Id = null)
{
    public bool Answered => Relevant.Values.Any(grade => grade >= 2);

    public static IReadOnlyList<JudgedQuery> Load(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => JsonSerializer.Deserialize<JudgedQuery>(l)!).ToList();
}

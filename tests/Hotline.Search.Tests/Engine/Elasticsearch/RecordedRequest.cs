using System.Text.Json;

namespace Hotline.Search.Tests.Engine.Elasticsearch;

/// <summary>One request the client sent: method, path with query, and the body as written on the wire.</summary>
internal sealed record RecordedRequest(string Method, string PathAndQuery, string Body)
{
    public string Path => PathAndQuery.Split('?')[0];

    public JsonDocument Json() => JsonDocument.Parse(Body);

    /// <summary>The NDJSON lines of a _bulk body.</summary>
    public IReadOnlyList<JsonDocument> Lines() =>
        Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l)).ToList();

    public override string ToString() => Method + " " + PathAndQuery;
}

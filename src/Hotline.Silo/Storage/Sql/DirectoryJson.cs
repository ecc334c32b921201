using System.Text.Json;
using Hotline.Silo.Organisation;

namespace Hotline.Silo.Storage.Sql;

/// <summary>How the directory's lists and history snapshots are written as JSON text.</summary>
internal static class DirectoryJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Keywords(IReadOnlyList<string> keywords) => JsonSerializer.Serialize(keywords, Options);

    public static IReadOnlyList<string> Keywords(string json) => JsonSerializer.Deserialize<string[]>(json, Options) ?? [];

    public static string Snapshot(DirectoryDepartment department) => JsonSerializer.Serialize(department, Options);

    public static string Snapshot(string value) => JsonSerializer.Serialize(value, Options);
}

using System.Text.Json.Serialization;

namespace Hotline.Silo.Demo;

/// <summary>One entry of the embedded departments.json (kind and responsibilities are descriptive and not stored).</summary>
internal sealed record DemoDepartment(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("kind")] string? Kind,
    [property: JsonPropertyName("responsibilities")] string? Responsibilities,
    [property: JsonPropertyName("handle_working_days")] int HandleWorkingDays);

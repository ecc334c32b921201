using System.Text.Json;

namespace Hotline.Silo.WebConsole;

/// <summary>Reads fields of a JSON request body; a missing or wrong field is a <see cref="ConsoleFieldException"/> naming it.</summary>
internal static class ConsoleBody
{
    public static string Text(JsonElement body, string field, int maxLength, bool required = true)
    {
        var value = body.ValueKind == JsonValueKind.Object && body.TryGetProperty(field, out var element) && element.ValueKind == JsonValueKind.String
            ? element.GetString()!.Trim()
            : "";
        if (required && value.Length == 0)
        {
            throw new ConsoleFieldException(field, "必填");
        }

        return value.Length <= maxLength ? value : throw new ConsoleFieldException(field, $"不能超过 {maxLength} 个字");
    }

    public static TEnum Enum<TEnum>(JsonElement body, string field)
        where TEnum : struct, Enum =>
        System.Enum.TryParse<TEnum>(Text(body, field, 40), ignoreCase: true, out var value) && System.Enum.IsDefined(value)
            ? value
            : throw new ConsoleFieldException(field, $"必须是 {string.Join("、", System.Enum.GetNames<TEnum>())} 之一");

    public static bool Bool(JsonElement body, string field) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(field, out var element) && element.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? element.GetBoolean()
            : throw new ConsoleFieldException(field, "必须是 true 或 false");
}

using System.Text.Json;

namespace Hotline.Silo.Organisation;

/// <summary>The JSON array form of a department import file; each object is named by the line it starts on.</summary>
internal static class DirectoryJsonFile
{
    private static readonly HashSet<string> Fields =
        ["id", "name", "kind", "parent", "responsibilities", "keywords", "handle_working_days", "duty_phone", "active"];

    public static IReadOnlyList<NumberedDepartment> Parse(ReadOnlySpan<byte> bytes)
    {
        var departments = new List<NumberedDepartment>();
        var problems = new List<DirectoryProblem>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 8 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                throw DirectoryFile.Refuse(new DirectoryProblem(1, null, "file", "a JSON file must be an array of departments"));
            }

            // Lines are counted on from the previous object, so a file of many objects is read in one pass.
            var (counted, line) = (0, 1);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                line += bytes[counted..start].Count((byte)'\n');
                counted = start;
                using var element = JsonDocument.ParseValue(ref reader);
                if (element.RootElement.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new DirectoryProblem(line, null, "department", "is not a JSON object"));
                    continue;
                }

                if (Read(line, element.RootElement, problems) is { } department)
                {
                    departments.Add(new NumberedDepartment(line, department));
                }
            }
        }
        catch (JsonException e)
        {
            problems.Add(new DirectoryProblem((int)(e.LineNumber ?? 0) + 1, null, "json", e.Message.Split(" Path:")[0]));
        }

        return problems.Count > 0 ? throw DirectoryFile.Refuse(problems) : departments;
    }

    private static DirectoryDepartment? Read(int line, JsonElement element, List<DirectoryProblem> problems)
    {
        var id = element.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        var before = problems.Count;
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            object? read = property.Name switch
            {
                _ when !Fields.Contains(property.Name) => Bad("is not a department field"),
                _ when value.ValueKind == JsonValueKind.Null => null,
                "keywords" => value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(k => k.ValueKind == JsonValueKind.String)
                    ? value.EnumerateArray().Select(k => k.GetString()!).ToList()
                    : Bad("must be an array of strings"),
                "handle_working_days" => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var days) ? days : Bad("must be a whole number"),
                "active" => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : Bad("must be true or false"),
                _ => value.ValueKind == JsonValueKind.String ? value.GetString() : Bad("must be a string"),
            };
            fields[property.Name] = read;

            object? Bad(string message)
            {
                problems.Add(new DirectoryProblem(line, id, property.Name, message));
                return null;
            }
        }

        return problems.Count > before ? null : DirectoryFile.Build(line, fields, problems);
    }
}

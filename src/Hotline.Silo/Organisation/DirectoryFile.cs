using System.Text;

namespace Hotline.Silo.Organisation;

/// <summary>
/// Reads a department import file: a JSON array in the demo format (id, name, kind, parent,
/// responsibilities, keywords, handle_working_days, duty_phone, active) or CSV with a header line
/// naming the same columns (keywords separated by ';'). Every line is checked and every problem
/// reported with its line number; the file is refused whole if any line is bad.
/// </summary>
internal static class DirectoryFile
{
    public const long MaxBytes = 16 * 1024 * 1024;
    public const int MaxReported = 50;
    public const int MaxDepartments = 5000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The departments of the file, each with the line it starts on.</summary>
    /// <exception cref="DirectoryRefusedException">Bad bytes, syntax or fields, each problem naming its line.</exception>
    public static IReadOnlyList<NumberedDepartment> Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxBytes)
        {
            throw Refuse(new DirectoryProblem(null, null, "file", $"is {bytes.Length} bytes; at most {MaxBytes}"));
        }

        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        var undecodable = BadUtf8Lines(bytes);
        if (undecodable.Count > 0)
        {
            throw Refuse(undecodable);
        }

        var text = StrictUtf8.GetString(bytes);
        var departments = text.TrimStart().StartsWith('[') ? DirectoryJsonFile.Parse(bytes) : DirectoryCsvFile.Parse(text);
        if (departments.Count == 0)
        {
            throw Refuse(new DirectoryProblem(null, null, "file", "holds no departments"));
        }

        if (departments.Count > MaxDepartments)
        {
            // A city has hundreds; the directory's checks (parents, cycles) are sized for that.
            throw Refuse(new DirectoryProblem(departments[MaxDepartments].Line, null, "file", $"holds {departments.Count} departments; at most {MaxDepartments}"));
        }

        return departments;
    }

    /// <summary>Line numbers of lines that are not valid UTF-8.</summary>
    private static List<DirectoryProblem> BadUtf8Lines(ReadOnlySpan<byte> bytes)
    {
        var problems = new List<DirectoryProblem>();
        var line = 1;
        while (true)
        {
            var end = bytes.IndexOf((byte)'\n');
            var current = end < 0 ? bytes : bytes[..end];
            try
            {
                StrictUtf8.GetCharCount(current);
            }
            catch (DecoderFallbackException)
            {
                problems.Add(new DirectoryProblem(line, null, "encoding", "is not valid UTF-8"));
            }

            if (end < 0)
            {
                return problems;
            }

            bytes = bytes[(end + 1)..];
            line++;
        }
    }

    internal static DirectoryRefusedException Refuse(params IReadOnlyList<DirectoryProblem> problems) => new(problems);

    /// <summary>The department a reader built, or the problems that stop it.</summary>
    internal static DirectoryDepartment? Build(int line, IReadOnlyDictionary<string, object?> fields, List<DirectoryProblem> problems)
    {
        var id = fields.GetValueOrDefault("id") as string;
        var before = problems.Count;
        string Text(string name, bool required)
        {
            if (fields.GetValueOrDefault(name) is string value)
            {
                return value;
            }

            if (required)
            {
                problems.Add(new DirectoryProblem(line, id, name, "is missing"));
            }

            return "";
        }

        var department = new DirectoryDepartment(
            Text("id", true),
            Text("name", true),
            Text("kind", true),
            fields.GetValueOrDefault("parent") is string { Length: > 0 } parent ? parent : null,
            Text("responsibilities", false),
            fields.GetValueOrDefault("keywords") as IReadOnlyList<string> ?? [],
            fields.GetValueOrDefault("handle_working_days") as int? ?? Missing(line, id, "handle_working_days", problems),
            fields.GetValueOrDefault("duty_phone") is string { Length: > 0 } phone ? phone : null,
            fields.GetValueOrDefault("active") as bool? ?? true);
        if (problems.Count > before)
        {
            return null;
        }

        var own = DirectoryRules.CheckFields(department, line).ToList();
        problems.AddRange(own);
        return own.Count == 0 ? department : null;
    }

    /// <summary>Reports the problems, the first <see cref="MaxReported"/> in full.</summary>
    public static string Describe(IReadOnlyList<DirectoryProblem> problems) =>
        string.Join(Environment.NewLine, problems.Take(MaxReported).Select(p => "  " + p))
        + (problems.Count > MaxReported ? $"{Environment.NewLine}  … and {problems.Count - MaxReported} more" : "");

    private static int Missing(int line, string? id, string field, List<DirectoryProblem> problems)
    {
        problems.Add(new DirectoryProblem(line, id, field, "is missing"));
        return 0;
    }
}

using System.Globalization;
using System.Text;

namespace Hotline.Silo.Organisation;

/// <summary>
/// The CSV form of a department import file: a header naming the columns (id, name, kind and
/// handle_working_days required), RFC 4180 quoting within a line, keywords separated by ';',
/// active as true/false (default true). A department is one line.
/// </summary>
internal static class DirectoryCsvFile
{
    private static readonly string[] Columns = ["id", "name", "kind", "parent", "responsibilities", "keywords", "handle_working_days", "duty_phone", "active"];
    private static readonly string[] Required = ["id", "name", "kind", "handle_working_days"];

    public static IReadOnlyList<NumberedDepartment> Parse(string text)
    {
        var lines = text.Split('\n');
        var problems = new List<DirectoryProblem>();
        var headerLine = Array.FindIndex(lines, l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'));
        if (headerLine < 0)
        {
            return [];
        }

        var header = Split(lines[headerLine].TrimEnd('\r'), out var headerProblem)?.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (header is null || headerProblem is not null)
        {
            throw DirectoryFile.Refuse(new DirectoryProblem(headerLine + 1, null, "header", headerProblem ?? "cannot be read"));
        }

        var unknown = header.Where(h => !Columns.Contains(h)).ToList();
        var missing = Required.Where(r => !header.Contains(r)).ToList();
        if (unknown.Count > 0 || missing.Count > 0 || header.Distinct().Count() != header.Count)
        {
            throw DirectoryFile.Refuse(new DirectoryProblem(headerLine + 1, null, "header",
                $"columns must be among {string.Join(",", Columns)}, each once, with {string.Join(",", Required)}"
                + (unknown.Count > 0 ? $"; unknown: {string.Join(",", unknown)}" : "") + (missing.Count > 0 ? $"; missing: {string.Join(",", missing)}" : "")));
        }

        var departments = new List<NumberedDepartment>();
        for (var i = headerLine + 1; i < lines.Length; i++)
        {
            var number = i + 1;
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var cells = Split(line, out var problem);
            if (cells is null || problem is not null || cells.Count != header.Count)
            {
                problems.Add(new DirectoryProblem(number, null, "line", problem ?? $"has {cells?.Count} fields; the header has {header.Count}"));
                continue;
            }

            var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var c = 0; c < header.Count; c++)
            {
                fields[header[c]] = Convert(number, header[c], cells[c], cells[header.IndexOf("id")], problems);
            }

            if (DirectoryFile.Build(number, fields, problems) is { } department)
            {
                departments.Add(new NumberedDepartment(number, department));
            }
        }

        return problems.Count > 0 ? throw DirectoryFile.Refuse(problems) : departments;
    }

    private static object? Convert(int line, string column, string cell, string id, List<DirectoryProblem> problems)
    {
        var value = cell.Trim();
        switch (column)
        {
            case "keywords":
                return value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            case "handle_working_days":
                if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
                {
                    return days;
                }

                problems.Add(new DirectoryProblem(line, id, column, $"'{value}' is not a whole number"));
                return 0;
            case "active":
                if (value.Length == 0)
                {
                    return true;
                }

                if (bool.TryParse(value, out var active))
                {
                    return active;
                }

                problems.Add(new DirectoryProblem(line, id, column, $"'{value}' is not true or false"));
                return true;
            default:
                return value;
        }
    }

    /// <summary>The fields of one line; quotes may hold commas and doubled quotes, not line breaks.</summary>
    private static List<string>? Split(string line, out string? problem)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.ToString().Trim().Length == 0)
            {
                cell.Clear();
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        problem = quoted ? "a quoted field is not closed on its line" : null;
        return cells;
    }
}

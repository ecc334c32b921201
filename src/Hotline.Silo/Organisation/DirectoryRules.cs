using System.Text.RegularExpressions;

namespace Hotline.Silo.Organisation;

/// <summary>
/// The directory's rules as plain code: given the directory as stored and a proposed change, the
/// problems (none means the change may be stored). No I/O: the caller reads the directory and the
/// open-ticket count and stores the result.
/// </summary>
internal static partial class DirectoryRules
{
    public const int MaxIdLength = 32;
    public const int MaxNameLength = 64;
    public const int MaxResponsibilitiesLength = 2000;
    public const int MaxKeywords = 32;
    public const int MaxKeywordLength = 20;
    public const int MaxHandleWorkingDays = 60;
    public const int MaxListValueLength = 32;

    /// <summary>The field rules of one department, on its own.</summary>
    public static IEnumerable<DirectoryProblem> CheckFields(DirectoryDepartment d, int? line = null)
    {
        DirectoryProblem Problem(string field, string message) => new(line, d.Id, field, message);

        if (!IdPattern().IsMatch(d.Id ?? ""))
        {
            yield return new DirectoryProblem(line, null, "id",
                $"'{Shown(d.Id)}' must be 1-{MaxIdLength} letters, digits, '-' or '_', starting with a letter or digit");
            yield break;
        }

        if (CheckText(d.Name, MaxNameLength, required: true) is { } name)
        {
            yield return Problem("name", name);
        }

        if (!DepartmentKinds.All.Contains(d.Kind, StringComparer.Ordinal))
        {
            yield return Problem("kind", $"'{Shown(d.Kind)}' is not one of {string.Join(", ", DepartmentKinds.All)}");
        }

        if (d.ParentId is not null && !IdPattern().IsMatch(d.ParentId))
        {
            yield return Problem("parent", $"'{Shown(d.ParentId)}' is not a department id");
        }
        else if (d.ParentId == d.Id)
        {
            yield return Problem("parent", "a department cannot be its own parent");
        }

        if (CheckText(d.Responsibilities, MaxResponsibilitiesLength, required: false, allowNewlines: true) is { } duties)
        {
            yield return Problem("responsibilities", duties);
        }

        if (d.Keywords.Count > MaxKeywords)
        {
            yield return Problem("keywords", $"{d.Keywords.Count} keywords; at most {MaxKeywords}");
        }
        else if (d.Keywords.Select(k => CheckText(k, MaxKeywordLength, required: true)).FirstOrDefault(p => p is not null) is { } keyword)
        {
            yield return Problem("keywords", "each keyword " + keyword);
        }

        if (d.HandleWorkingDays is < 1 or > MaxHandleWorkingDays)
        {
            yield return Problem("handle_working_days", $"{d.HandleWorkingDays} is not between 1 and {MaxHandleWorkingDays}");
        }

        if (d.DutyPhone is not null && !PhonePattern().IsMatch(d.DutyPhone))
        {
            yield return Problem("duty_phone", $"'{Shown(d.DutyPhone)}' must be 3-20 digits, optionally with a leading '+' and '-' separators");
        }
    }

    /// <summary>
    /// Checks departments to add or update (an import, or one add/update) against the stored
    /// directory: each one's fields, ids unique within the change, parents that exist, no cycle,
    /// no active department under a disabled one, and no disabling (that is <see cref="CheckDisable"/>'s).
    /// </summary>
    /// <param name="storedUnknown">
    /// The stored directory was not read (an import file checked on its own): a parent the change
    /// does not hold may be stored, so only what the change itself shows is judged.
    /// </param>
    public static IReadOnlyList<DirectoryProblem> CheckChanges(IReadOnlyCollection<DirectoryDepartment> stored, IReadOnlyList<NumberedDepartment> changes,
        bool storedUnknown = false)
    {
        var problems = new List<DirectoryProblem>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var valid = new List<NumberedDepartment>();
        foreach (var change in changes)
        {
            var own = CheckFields(change.Department, change.Line).ToList();
            if (own.Count == 0 && !firstLine.TryAdd(change.Department.Id, change.Line))
            {
                own.Add(new DirectoryProblem(change.Line, change.Department.Id, "id", $"is already on line {firstLine[change.Department.Id]}"));
            }

            problems.AddRange(own);
            if (own.Count == 0)
            {
                valid.Add(change);
            }
        }

        var before = stored.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var after = new Dictionary<string, DirectoryDepartment>(before, StringComparer.Ordinal);
        foreach (var change in valid)
        {
            after[change.Department.Id] = change.Department;
        }

        foreach (var (line, d) in valid)
        {
            if (before.TryGetValue(d.Id, out var old) && old.Active && !d.Active)
            {
                problems.Add(new DirectoryProblem(line, d.Id, "active", "disabling is its own operation (department disable), which checks open tickets"));
            }

            if (d.ParentId is null)
            {
                continue;
            }

            if (!after.TryGetValue(d.ParentId, out var parent))
            {
                if (!storedUnknown)
                {
                    problems.Add(new DirectoryProblem(line, d.Id, "parent", $"department '{d.ParentId}' does not exist"));
                }
            }
            else if (d.Active && !parent.Active)
            {
                problems.Add(new DirectoryProblem(line, d.Id, "parent", $"department '{d.ParentId}' is disabled"));
            }
            else if (CycleThrough(after, d.Id) is { } cycle)
            {
                problems.Add(new DirectoryProblem(line, d.Id, "parent", "makes a cycle: " + string.Join(" → ", cycle)));
            }
        }

        return problems;
    }

    /// <summary>
    /// Disabling: refused while the department has open tickets unless a successor (active, not
    /// itself) takes them, and while active departments still belong to it.
    /// </summary>
    public static IReadOnlyList<DirectoryProblem> CheckDisable(IReadOnlyCollection<DirectoryDepartment> stored, string id, string? successorId, int openTickets)
    {
        var byId = stored.ToDictionary(d => d.Id, StringComparer.Ordinal);
        if (!byId.TryGetValue(id, out var department))
        {
            return [new DirectoryProblem(null, id, "id", "no such department", DirectoryProblemKind.NotFound)];
        }

        var problems = new List<DirectoryProblem>();
        if (!department.Active)
        {
            problems.Add(new DirectoryProblem(null, id, "active", "is already disabled", DirectoryProblemKind.Conflict));
        }

        if (successorId is not null)
        {
            if (successorId == id)
            {
                problems.Add(new DirectoryProblem(null, id, "successor", "cannot be the department itself"));
            }
            else if (!byId.TryGetValue(successorId, out var successor))
            {
                problems.Add(new DirectoryProblem(null, id, "successor", $"department '{successorId}' does not exist"));
            }
            else if (!successor.Active)
            {
                problems.Add(new DirectoryProblem(null, id, "successor", $"department '{successorId}' is disabled"));
            }
        }
        else if (openTickets > 0)
        {
            problems.Add(new DirectoryProblem(null, id, "successor",
                $"the department has {openTickets} open ticket(s); re-dispatch them or name a successor to take them", DirectoryProblemKind.Conflict));
        }

        var children = stored.Where(d => d.Active && d.ParentId == id).Select(d => d.Id).ToList();
        if (children.Count > 0)
        {
            problems.Add(new DirectoryProblem(null, id, "active", $"active departments belong to it: {string.Join(", ", children)}; disable or move them first", DirectoryProblemKind.Conflict));
        }

        return problems;
    }

    /// <summary>A district or category name: 1-32 printable characters, no separators that CSV or lists would split.</summary>
    public static string? CheckListValue(string value) =>
        CheckText(value, MaxListValueLength, required: true) ?? (value.IndexOfAny([',', ';', '\n']) >= 0 ? "must not contain ',' or ';'" : null);

    /// <summary>Printable text within a length: no control characters, lone surrogates or U+FFFD (what bad UTF-8 decodes to).</summary>
    public static string? CheckText(string? text, int maxLength, bool required, bool allowNewlines = false)
    {
        if (text is null || text.Trim().Length == 0)
        {
            return required ? "is empty" : null;
        }

        if (text.Length > maxLength)
        {
            return $"is {text.Length} characters; at most {maxLength}";
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || c == '\uFFFD' || (char.IsControl(c) && !(allowNewlines && c is '\n' or '\r' or '\t')))
            {
                return $"contains a control or invalid character at position {i + 1}";
            }
        }

        return null;
    }

    private static List<string>? CycleThrough(Dictionary<string, DirectoryDepartment> directory, string start)
    {
        var path = new List<string> { start };
        var current = directory[start].ParentId;
        while (current is not null && directory.TryGetValue(current, out var next))
        {
            path.Add(current);
            if (current == start)
            {
                return path;
            }

            if (path.Count > directory.Count + 1)
            {
                // A cycle further up that does not pass through start: reported for its own members.
                return null;
            }

            current = next.ParentId;
        }

        return null;
    }

    private static string Shown(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\+?[0-9][0-9-]{1,18}[0-9]$")]
    private static partial Regex PhonePattern();
}

namespace Hotline.Silo.Organisation;

/// <summary>Why a department (or a line of an import file) is refused.</summary>
/// <param name="Line">The line of the import file, when the department came from one.</param>
/// <param name="Field">The field at fault, e.g. "parent".</param>
/// <param name="Kind">Invalid unless the problem is a missing or existing subject or the directory's state.</param>
internal sealed record DirectoryProblem(int? Line, string? DepartmentId, string Field, string Message, DirectoryProblemKind Kind = DirectoryProblemKind.Invalid)
{
    public override string ToString() =>
        (Line is { } line ? $"line {line}: " : "") + (DepartmentId is { Length: > 0 } id ? $"department '{id}': " : "") + $"{Field}: {Message}";
}

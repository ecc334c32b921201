using System.Text.Json;

namespace Hotline.Silo.Storage.Sql;

/// <summary>
/// The ticket's departments as one comparable text (a JSON array) kept on the ticket row, so a
/// commit rewrites ticket_departments only when the list really changed (dispatch, re-dispatch),
/// not on every claim or progress note.
/// </summary>
internal static class DepartmentList
{
    public static string Encode(IReadOnlyList<string> departmentIds) =>
        JsonSerializer.Serialize(departmentIds.Distinct(StringComparer.Ordinal).ToArray());
}

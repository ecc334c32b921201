namespace Hotline.Search.Analysis;

/// <summary>
/// Departments that share duties count as one where ticket evidence is pooled: the district
/// governments all handle 小区物业纠纷 and 基层民生诉求, each for its own district, so 物业 is one
/// topic for them, not a word spread over seven departments.
/// </summary>
internal static class DepartmentGroups
{
    /// <summary>The demo city's district governments (Demo/departments.json, kind "district").</summary>
    private static readonly HashSet<string> Districts = new(["hp", "hx", "nk", "hd", "hb", "bh", "xq"], StringComparer.Ordinal);

    /// <summary>The group a department id pools its evidence under.</summary>
    public static string Of(string department) => Districts.Contains(department) ? "district" : department;
}

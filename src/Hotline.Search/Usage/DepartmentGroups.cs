namespace Hotline.Search.Usage;

/// <summary>
/// Departments that share duties count as one where evidence is pooled: the district governments
/// all handle 小区物业纠纷 and 基层民生诉求, each for its own district, so a 物业 ticket from 河西区
/// is evidence for the 物业 article even though that article is filed under 南开区.
/// </summary>
public static class DepartmentGroups
{
    /// <summary>The demo city's district governments (Demo/departments.json, kind "district").</summary>
    private static readonly HashSet<string> Districts = new(["hp", "hx", "nk", "hd", "hb", "bh", "xq"], StringComparer.Ordinal);

    /// <summary>The group a department id pools its evidence under.</summary>
    public static string Of(string department) => Districts.Contains(department) ? "district" : department;
}

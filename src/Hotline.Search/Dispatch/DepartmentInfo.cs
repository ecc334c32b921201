namespace Hotline.Search.Dispatch;

/// <summary>A handling department (承办单位) as the advisor needs it.</summary>
/// <param name="Kind">municipal, district, street, utility or other.</param>
/// <param name="Keywords">Words that point a ticket at the department (the directory's keywords); each found counts like a rule.</param>
public sealed record DepartmentInfo(string Id, string Name, string Kind, string Responsibilities, IReadOnlyList<string>? Keywords = null)
{
    /// <summary>For a district government (河西区人民政府) the district it serves (河西区); otherwise null.</summary>
    public string? ServedDistrict =>
        Kind == "district" && Name.IndexOf('区') is var at and > 0 ? Name[..(at + 1)] : null;
}

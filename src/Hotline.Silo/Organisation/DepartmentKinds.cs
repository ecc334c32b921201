namespace Hotline.Silo.Organisation;

/// <summary>The kinds of department the directory knows.</summary>
internal static class DepartmentKinds
{
    /// <summary>A city bureau (市人社局).</summary>
    public const string Municipal = "municipal";

    /// <summary>A district government (河西区人民政府); the advisor sends it only its own district's tickets.</summary>
    public const string District = "district";

    /// <summary>A street office (街道办) under a district government.</summary>
    public const string Street = "street";

    /// <summary>A utility company (供热集团).</summary>
    public const string Utility = "utility";

    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } = [Municipal, District, Street, Utility, Other];
}

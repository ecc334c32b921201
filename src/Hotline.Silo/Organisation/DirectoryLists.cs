namespace Hotline.Silo.Organisation;

/// <summary>The value lists the directory keeps beside the departments.</summary>
internal static class DirectoryLists
{
    /// <summary>The city's districts (the 16 districts by default).</summary>
    public const string District = "district";

    /// <summary>Ticket categories by their Chinese names (咨询, 投诉 …).</summary>
    public const string Category = "category";

    public static IReadOnlyList<string> All { get; } = [District, Category];
}

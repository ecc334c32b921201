using Hotline.Silo.Organisation;

namespace Hotline.Silo.Demo;

/// <summary>
/// The demo organisation shipped in the executable: the city's handling departments, their kinds,
/// duties and time limits, read exactly as <c>department import</c> reads a file.
/// </summary>
internal static class DemoOrganisation
{
    private const string ResourceName = "Hotline.Silo.Demo.departments.json";

    public static IReadOnlyList<NumberedDepartment> LoadDepartments()
    {
        using var stream = typeof(DemoOrganisation).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return DirectoryFile.Parse(buffer.ToArray());
    }
}

using System.Text.Json;
using Hotline.Contracts.Organisation;

namespace Hotline.Silo.Demo;

/// <summary>The demo organisation shipped in the executable: the city's handling departments and their time limits.</summary>
internal static class DemoOrganisation
{
    private const string ResourceName = "Hotline.Silo.Demo.departments.json";

    public static IReadOnlyList<Department> LoadDepartments()
    {
        using var stream = typeof(DemoOrganisation).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        var entries = JsonSerializer.Deserialize<List<DemoDepartment>>(stream)
            ?? throw new InvalidOperationException($"{ResourceName} is empty.");
        return entries.Select(e => new Department(e.Id, e.Name, e.HandleWorkingDays)).ToList();
    }
}

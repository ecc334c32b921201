using Hotline.Silo.Demo;

namespace Hotline.Silo.Tests.Hosting;

public sealed class DemoOrganisationTests
{
    [Fact]
    public void LoadDepartments_EmbeddedResource_MapsIdsNamesAndTimeLimits()
    {
        var departments = DemoOrganisation.LoadDepartments();

        Assert.Equal(32, departments.Count);
        Assert.Equal(departments.Count, departments.Select(d => d.Id).Distinct().Count());
        Assert.All(departments, d => Assert.InRange(d.HandlingWorkingDays, 1, 30));
        var housing = Assert.Single(departments, d => d.Id == "zjw");
        Assert.Equal("市住建委", housing.Name);
        Assert.Equal(10, housing.HandlingWorkingDays);
    }
}

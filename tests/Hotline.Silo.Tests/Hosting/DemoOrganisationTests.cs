using Hotline.Silo.Demo;

namespace Hotline.Silo.Tests.Hosting;

public sealed class DemoOrganisationTests
{
    [Fact]
    public void LoadDepartments_EmbeddedResource_MapsIdsNamesKindsDutiesAndTimeLimits()
    {
        var departments = DemoOrganisation.LoadDepartments().Select(d => d.Department).ToList();

        Assert.Equal(32, departments.Count);
        Assert.Equal(departments.Count, departments.Select(d => d.Id).Distinct().Count());
        Assert.All(departments, d => Assert.InRange(d.HandleWorkingDays, 1, 30));
        Assert.All(departments, d => Assert.NotEmpty(d.Responsibilities));
        var housing = Assert.Single(departments, d => d.Id == "zjw");
        Assert.Equal("市住建委", housing.Name);
        Assert.Equal("municipal", housing.Kind);
        Assert.Equal(10, housing.HandleWorkingDays);
        Assert.Equal(7, departments.Count(d => d.Kind == "district"));
    }
}

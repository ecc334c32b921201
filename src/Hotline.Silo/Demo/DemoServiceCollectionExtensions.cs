namespace Hotline.Silo.Demo;

internal static class DemoServiceCollectionExtensions
{
    /// <summary>Registers the seeder after storage, so it runs after the schema is initialised.</summary>
    public static IServiceCollection AddDemoOrganisation(this IServiceCollection services, bool enabled)
    {
        if (enabled)
        {
            services.AddHostedService<DemoSeeder>();
        }

        return services;
    }
}

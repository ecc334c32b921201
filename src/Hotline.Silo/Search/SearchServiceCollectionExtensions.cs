using Hotline.Api.Knowledge;
using Hotline.Contracts.Tickets;
using Hotline.Search.Hosting;
using Hotline.Silo.Organisation;
using Hotline.Telephony.Calls;

namespace Hotline.Silo.Search;

/// <summary>The knowledge base, smart dispatch and duplicate detection, fed from this host's tickets.</summary>
internal static class SearchServiceCollectionExtensions
{
    public static IServiceCollection AddHostSearch(this IServiceCollection services, IConfiguration configuration)
    {
        // The library's default data directory is relative to the working directory; the host keeps
        // every durable file under its DataDir unless Search:DataDirectory says otherwise.
        services.PostConfigure<SearchOptions>(options =>
        {
            if (configuration[$"{SearchOptions.Section}:{nameof(SearchOptions.DataDirectory)}"] is null)
            {
                options.DataDirectory = Path.Combine(configuration["DataDir"]!, "search");
            }
        });
        services.AddHotlineSearch(configuration);
        services.AddSingleton<SearchFeed>();
        services.AddSingleton<ITicketChangeObserver>(sp => sp.GetRequiredService<SearchFeed>());
        services.AddHostedService<SearchFeedStartup>();
        // The live directory also gives the call centre its department numbers (registered before telephony's default).
        services.AddSingleton<DirectoryDepartmentNumbers>();
        services.AddSingleton<IDepartmentNumbers>(sp => sp.GetRequiredService<DirectoryDepartmentNumbers>());
        services.AddSingleton<DirectoryAdvisorSync>();
        services.AddHostedService(sp => sp.GetRequiredService<DirectoryAdvisorSync>());
        services.AddHotlineKnowledge();
        return services;
    }
}

using Hotline.Search.Articles;
using Hotline.Search.Demo;
using Hotline.Search.Dispatch;
using Hotline.Search.Engine;
using Hotline.Search.Engine.Elasticsearch;
using Hotline.Search.Engine.Embedded;
using Hotline.Search.Lexicon;
using Hotline.Search.Usage;
using Hotline.Search.Similar;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotline.Search.Hosting;

/// <summary>Registers the knowledge base, dispatch advisor and duplicate detector.</summary>
public static class SearchServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="KnowledgeBase"/>, <see cref="ISearchEngine"/> (by <c>Search:Provider</c>),
    /// <see cref="KnowledgeLearning"/> (lexicon and article-use evidence),
    /// <see cref="DispatchAdvisor"/>, <see cref="OpenTicketIndex"/> and a hosted service that opens
    /// the knowledge base (rebuilding the index from the store) when the host starts. The default
    /// advisor knows the demo departments and, with <c>Search:SeedDemoDispatches</c>, the demo
    /// history; a host with its own department directory registers a <see cref="DispatchAdvisor"/> first.
    /// </summary>
    public static IServiceCollection AddHotlineSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SearchOptions>(configuration.GetSection(SearchOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SqliteArticleStore(KnowledgeDatabase(sp), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ISearchEngine>(CreateEngine);
        services.AddSingleton(sp => new KnowledgeBase(sp.GetRequiredService<SqliteArticleStore>(), sp.GetRequiredService<ISearchEngine>(),
            sp.GetRequiredService<ILogger<KnowledgeBase>>(),
            Path.Combine(sp.GetRequiredService<IOptions<SearchOptions>>().Value.DataDirectory, "synonyms.txt")));
        services.AddSingleton(sp => new SqliteLexiconStore(KnowledgeDatabase(sp), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new SqliteArticleUseStore(KnowledgeDatabase(sp), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<KnowledgeLearning>();
        // The host may register its own advisor first (its real department directory and history).
        services.TryAddSingleton(CreateAdvisor);
        services.TryAddSingleton<OpenTicketIndex>();
        services.AddHostedService<KnowledgeLearningStartup>();
        services.AddHostedService(sp => new KnowledgeBaseStartup(sp.GetRequiredService<KnowledgeBase>(), sp.GetRequiredService<IOptions<SearchOptions>>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<KnowledgeBaseStartup>>()));
        return services;
    }

    /// <summary>kb.db in the data directory: articles, lexicon changes and article-use evidence share it.</summary>
    private static string KnowledgeDatabase(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
        Directory.CreateDirectory(options.DataDirectory);
        return Path.Combine(options.DataDirectory, "kb.db");
    }

    private static ISearchEngine CreateEngine(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
        return options.Provider.ToLowerInvariant() switch
        {
            "embedded" => new EmbeddedSearchEngine(),
            "elasticsearch" => new ElasticsearchEngine(ElasticsearchEngine.CreateClient(options.Elasticsearch), options.Elasticsearch, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ElasticsearchEngine>>()),
            _ => throw new InvalidOperationException($"Search:Provider '{options.Provider}' is not 'embedded' or 'elasticsearch'."),
        };
    }

    private static DispatchAdvisor CreateAdvisor(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
        var rulesPath = Path.Combine(options.DataDirectory, "dispatch-rules.txt");
        var rules = File.Exists(rulesPath) ? DispatchRuleTable.Parse(File.ReadAllText(rulesPath)) : DispatchRuleTable.Default;
        var advisor = new DispatchAdvisor(DemoCorpus.Departments(), rules, sp.GetRequiredService<ISearchEngine>());
        if (options.SeedDemoDispatches)
        {
            advisor.Learn(DemoCorpus.Dispatches());
        }

        return advisor;
    }
}

using Hotline.Search.Dispatch;
using Hotline.Search.Engine;
using Hotline.Search.Engine.Elasticsearch;
using Hotline.Search.Engine.Embedded;
using Hotline.Search.Hosting;
using Hotline.Search.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hotline.Search.Tests;

public sealed class SearchServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(TempDirectory folder, string? provider, string? elasticsearchUrl = null)
    {
        var settings = new Dictionary<string, string?> { ["Search:DataDirectory"] = folder.Path };
        if (elasticsearchUrl is not null)
        {
            settings["Search:Elasticsearch:Url"] = elasticsearchUrl;
        }

        if (provider is not null)
        {
            settings["Search:Provider"] = provider;
        }

        var services = new ServiceCollection().AddLogging();
        services.AddHotlineSearch(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task AddHotlineSearch_DefaultProvider_IsEmbeddedAndStartupOpensKnowledgeBase()
    {
        using var folder = new TempDirectory();
        await using var provider = Build(folder, null);

        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        Assert.IsType<EmbeddedSearchEngine>(provider.GetRequiredService<ISearchEngine>());
        Assert.NotEmpty((await provider.GetRequiredService<KnowledgeBase>().SearchAsync(new SearchRequest("社保卡"))).Hits);
        Assert.Equal(240, provider.GetRequiredService<DispatchAdvisor>().HistoryCount);
        Assert.True(File.Exists(folder.File("kb.db")));
    }

    [Fact]
    public async Task AddHotlineSearch_ElasticsearchProvider_ResolvesElasticsearchEngine()
    {
        using var folder = new TempDirectory();
        await using var provider = Build(folder, "elasticsearch");

        Assert.IsType<ElasticsearchEngine>(provider.GetRequiredService<ISearchEngine>());
    }

    [Fact]
    public async Task AddHotlineSearch_ElasticsearchUnreachableAtStart_HostStartsAndSearchAnswersBackendError()
    {
        using var folder = new TempDirectory();
        await using var provider = Build(folder, "elasticsearch", ClosedPort.Url());
        var hosted = provider.GetServices<IHostedService>().ToList();

        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        var startup = Assert.Single(hosted.OfType<KnowledgeBaseStartup>());
        Assert.True(startup.Retrying);
        await Assert.ThrowsAsync<SearchBackendException>(() => provider.GetRequiredService<KnowledgeBase>().SearchAsync(new SearchRequest("社保卡")));
        await startup.StopAsync(CancellationToken.None);
        Assert.False(startup.Retrying);
    }

    [Fact]
    public async Task AddHotlineSearch_UnknownProvider_FailsWithClearMessage()
    {
        using var folder = new TempDirectory();
        await using var provider = Build(folder, "solr");

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ISearchEngine>());
        Assert.Contains("solr", error.Message, StringComparison.Ordinal);
    }
}

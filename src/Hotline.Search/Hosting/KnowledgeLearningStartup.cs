using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hotline.Search.Hosting;

/// <summary>
/// Loads the lexicon (shipped files plus editors' changes) and the article-use evidence into the
/// engine when the host starts. Registered before <see cref="KnowledgeBaseStartup"/>, so the first
/// search already expands queries and lifts used articles. Local data only: it cannot wait on a backend.
/// </summary>
internal sealed class KnowledgeLearningStartup(KnowledgeLearning learning, IOptions<SearchOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        learning.Open(options.Value.SeedDemoArticleUse);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotline.Search.Hosting;

/// <summary>
/// Opens the knowledge base when the host starts. An external engine that cannot be reached
/// (Elasticsearch down or not yet up) does not stop the host: tickets and calls do not need it.
/// The index is built in the background as soon as the engine answers; until then searches
/// answer UNAVAILABLE.
/// </summary>
internal sealed class KnowledgeBaseStartup(KnowledgeBase knowledgeBase, IOptions<SearchOptions> options, TimeProvider time,
    ILogger<KnowledgeBaseStartup> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromMinutes(2);

    private readonly CancellationTokenSource _stopping = new();
    private Task _retries = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await knowledgeBase.OpenAsync(options.Value.SeedDemoCorpus, cancellationToken).ConfigureAwait(false);
        }
        catch (SearchBackendException unreachable)
        {
            SearchLog.IndexUnavailable(logger, unreachable.Message, FirstRetry);
            _retries = RetryAsync(_stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _retries.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _stopping.Dispose();

    /// <summary>Whether the background build is still pending (tests).</summary>
    internal bool Retrying => !_retries.IsCompleted;

    private async Task RetryAsync(CancellationToken stopping)
    {
        var delay = FirstRetry;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, time, stopping).ConfigureAwait(false);
                await knowledgeBase.OpenAsync(options.Value.SeedDemoCorpus, stopping).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SearchBackendException unreachable)
            {
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetry.Ticks));
                SearchLog.IndexUnavailable(logger, unreachable.Message, delay);
            }
        }
    }
}

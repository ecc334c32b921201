using System.Globalization;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Transport;
using Elastic.Transport.Products.Elasticsearch;
using Hotline.Search.Analysis;
using Hotline.Search.Articles;
using Hotline.Search.Hosting;
using Microsoft.Extensions.Logging;

namespace Hotline.Search.Engine.Elasticsearch;

/// <summary>
/// Elasticsearch 9 through the official client. Searches go through an alias;
/// <see cref="RebuildAsync"/> fills a fresh index and swaps the alias in one atomic
/// <c>_aliases</c> call, so searches never see a half-built index (zero-downtime reindex).
/// The server highlights matches; snippets are cut from them with the embedded engine's code,
/// so both engines present hits the same way.
/// </summary>
public sealed class ElasticsearchEngine : ISearchEngine
{
    private const int BulkBatch = 1000;

    private readonly ElasticsearchClient _client;
    private readonly string _alias;
    private readonly TimeProvider _time;
    private readonly ILogger<ElasticsearchEngine> _logger;

    public ElasticsearchEngine(ElasticsearchClient client, ElasticsearchOptions options, TimeProvider time, ILogger<ElasticsearchEngine> logger)
    {
        _client = client;
        _alias = options.Alias;
        _time = time;
        _logger = logger;
    }

    public string Name => "elasticsearch";

    public SynonymTable Synonyms { get; set; } = SynonymTable.Default;

    /// <summary>A client for the cluster at <see cref="ElasticsearchOptions.Url"/>; tests pass an in-memory invoker.</summary>
    public static ElasticsearchClient CreateClient(ElasticsearchOptions options, IRequestInvoker? invoker = null)
    {
        var pool = new SingleNodePool(new Uri(options.Url));
        var settings = (invoker is null ? new ElasticsearchClientSettings(pool) : new ElasticsearchClientSettings(pool, invoker))
            .RequestTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds))
            // One node: a retry would only hit the same refused port again.
            .MaximumRetries(0);
        if (options.Username is not null)
        {
            settings = settings.Authentication(new BasicAuthentication(options.Username, options.Password ?? string.Empty));
        }

        return new ElasticsearchClient(settings);
    }

    public async Task RebuildAsync(IReadOnlyCollection<Article> articles, CancellationToken cancellationToken = default)
    {
        await CallAsync("put index template", () => _client.Indices.PutIndexTemplateAsync(ArticleIndexTemplate.Request(_alias), cancellationToken)).ConfigureAwait(false);
        var index = _alias + "-" + _time.GetUtcNow().ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        await CallAsync("create index " + index, () => _client.Indices.CreateAsync(new CreateIndexRequest(index), cancellationToken)).ConfigureAwait(false);
        foreach (var chunk in articles.Chunk(BulkBatch))
        {
            var operations = new BulkOperationsCollection();
            operations.AddRange(chunk.Select(a => new BulkIndexOperation<ArticleDocument>(ArticleDocument.From(a)) { Id = a.Id }));
            await CallAsync("bulk into " + index, () => _client.BulkAsync(new BulkRequest(index) { Operations = operations }, cancellationToken)).ConfigureAwait(false);
        }

        await CallAsync("refresh " + index, () => _client.Indices.RefreshAsync(new RefreshRequest(index), cancellationToken)).ConfigureAwait(false);
        var old = await AliasedIndicesAsync(cancellationToken).ConfigureAwait(false);
        var swap = new UpdateAliasesRequest
        {
            Actions = old.Select(o => new IndexUpdateAliasesAction { Remove = new RemoveAction { Index = o, Alias = _alias } })
                .Append(new IndexUpdateAliasesAction { Add = new AddAction { Index = index, Alias = _alias, IsWriteIndex = true } })
                .ToList(),
        };
        await CallAsync("swap alias " + _alias, () => _client.Indices.UpdateAliasesAsync(swap, cancellationToken)).ConfigureAwait(false);
        SearchLog.AliasSwapped(_logger, _alias, index);
        foreach (var stale in old)
        {
            await CallAsync("delete index " + stale, () => _client.Indices.DeleteAsync(new DeleteIndexRequest(stale), cancellationToken), allowNotFound: true)
                .ConfigureAwait(false);
        }
    }

    public Task UpsertAsync(Article article, CancellationToken cancellationToken = default) =>
        CallAsync("index " + article.Id, () => _client.IndexAsync(
            new IndexRequest<ArticleDocument>(ArticleDocument.From(article), _alias, article.Id) { Refresh = Refresh.WaitFor }, cancellationToken));

    public Task DeleteAsync(string articleId, CancellationToken cancellationToken = default) =>
        CallAsync("delete " + articleId, () => _client.DeleteAsync(
            new DeleteRequest(_alias, articleId) { Refresh = Refresh.WaitFor }, cancellationToken), allowNotFound: true);

    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        SearchRequestRules.Require(request);
        var plan = new QueryPlanner(Synonyms, CharacterVariants.Default).Plan(request.Query, _ => 1);
        var response = await CallAsync("search", () => _client.SearchAsync<ArticleDocument>(ElasticsearchQueries.Search(_alias, request, Synonyms), cancellationToken))
            .ConfigureAwait(false);
        var hits = response.Hits.Select(h => ToHit(h, plan)).ToList();
        return new SearchResult(response.Total >= 0 ? (int)response.Total : hits.Count, hits);
    }

    public async Task<IReadOnlyList<TitleSuggestion>> SuggestAsync(string prefix, int limit = 8, CancellationToken cancellationToken = default)
    {
        SearchRequestRules.RequirePrefix(prefix, limit);
        var folded = TextFolding.Fold(prefix.Trim());
        var response = await CallAsync("suggest", () => _client.SearchAsync<ArticleDocument>(ElasticsearchQueries.Suggest(_alias, prefix, limit), cancellationToken))
            .ConfigureAwait(false);
        return response.Hits
            .Select(h => Original(h))
            .Select(a => (Article: a, At: TextFolding.Fold(a.Title).IndexOf(folded, StringComparison.Ordinal)))
            .OrderBy(x => x.At == 0 ? 0 : 1)
            .ThenBy(x => x.Article.Title.Length)
            .Select(x => new TitleSuggestion(x.Article.Id, new HighlightedText(x.Article.Title, x.At >= 0 ? [new TextRange(x.At, folded.Length)] : [])))
            .ToList();
    }

    /// <summary>
    /// A hit with the server's highlights; if they are not of the stored text (an older index, a
    /// changed highlighter) the embedded engine's own highlighting stands in.
    /// </summary>
    private static SearchHit ToHit(Hit<ArticleDocument> hit, QueryPlan plan)
    {
        var article = Original(hit);
        var title = ServerHighlight.Ranges(hit.Highlight, "title", TextFolding.Fold(article.Title));
        var content = ServerHighlight.Ranges(hit.Highlight, "content", TextFolding.Fold(article.Content));
        var score = hit.Score ?? 0;
        if (title is null || content is null)
        {
            return Embedded.EmbeddedSearchEngine.ToHit(article, score, plan);
        }

        return new SearchHit(article.Id, article.Title, article.Category, article.Department, article.AppliesTo, article.Updated, score,
            SnippetBuilder.Build(article.Title, title, article.Title.Length), SnippetBuilder.Build(article.Content, content));
    }

    private static Article Original(Hit<ArticleDocument> hit) =>
        hit.Source?.Source?.ToArticle() ?? throw new SearchBackendException($"Elasticsearch returned hit {hit.Id} without its stored article");

    private async Task<IReadOnlyList<string>> AliasedIndicesAsync(CancellationToken cancellationToken)
    {
        var response = await CallAsync("get alias " + _alias, () => _client.Indices.GetAliasAsync(new GetAliasRequest(Names.Parse(_alias)), cancellationToken),
            allowNotFound: true).ConfigureAwait(false);
        return response.IsValidResponse && response.Aliases is not null ? response.Aliases.Keys.ToList() : [];
    }

    /// <summary>
    /// One call with the client's failures turned into <see cref="SearchBackendException"/>: a
    /// refused or timed-out connection, a server error (status and reason), or an unreadable answer.
    /// </summary>
    private static async Task<T> CallAsync<T>(string what, Func<Task<T>> call, bool allowNotFound = false)
        where T : ElasticsearchResponse
    {
        T response;
        try
        {
            response = await call().ConfigureAwait(false);
        }
        catch (TransportException e)
        {
            throw new SearchBackendException($"Elasticsearch {what} failed: {e.Message}", e);
        }
        catch (UnsupportedProductException e)
        {
            // The client's product check: whatever answered on that port is not Elasticsearch.
            throw new SearchBackendException($"Elasticsearch {what} failed: the server is not Elasticsearch ({e.Message})", e);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new SearchBackendException($"Elasticsearch {what} answered with unreadable JSON", e);
        }

        var details = response.ApiCallDetails;
        if (response.IsValidResponse || (allowNotFound && details.HttpStatusCode == 404))
        {
            return response;
        }

        if (response is BulkResponse { Errors: true } bulk)
        {
            var first = bulk.ItemsWithErrors.FirstOrDefault();
            throw new SearchBackendException(
                $"Elasticsearch {what}: {bulk.ItemsWithErrors.Count()} items failed (first {first?.Id}: {first?.Error?.Type}: {Truncate(first?.Error?.Reason)})");
        }

        var error = response.ElasticsearchServerError?.Error;
        if (error is null && (details.OriginalException is not null || details.HttpStatusCode is null))
        {
            // No answer from a server: refused, reset, timed out.
            throw new SearchBackendException($"Elasticsearch {what} failed: {details.OriginalException?.Message ?? "no answer"}", details.OriginalException);
        }

        var reason = error is null ? "no error body" : $"{error.Type}: {Truncate(error.Reason)}";
        throw new SearchBackendException($"Elasticsearch {what} answered {details.HttpStatusCode}: {reason}", details.OriginalException);
    }

    private static string? Truncate(string? text) => text is null || text.Length <= 300 ? text : text[..300];
}

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Hotline.Search.Analysis;
using Hotline.Search.Articles;
using Hotline.Search.Hosting;
using Microsoft.Extensions.Logging;

namespace Hotline.Search.Engine.Elasticsearch;

/// <summary>
/// Elasticsearch 8 over its REST API (the official client cannot be restored here). Searches go
/// through an alias; <see cref="RebuildAsync"/> fills a fresh index and swaps the alias in one
/// atomic _aliases call, so searches never see a half-built index (zero-downtime reindex).
/// Snippets and highlights are built client-side from the stored article with the embedded
/// engine's code, so both engines present hits the same way.
/// </summary>
public sealed class ElasticsearchEngine : ISearchEngine
{
    private const int BulkBatch = 1000;

    private readonly HttpClient _http;
    private readonly string _alias;
    private readonly TimeProvider _time;
    private readonly ILogger<ElasticsearchEngine> _logger;

    /// <param name="http">A client whose BaseAddress is the cluster URL.</param>
    public ElasticsearchEngine(HttpClient http, ElasticsearchOptions options, TimeProvider time, ILogger<ElasticsearchEngine> logger)
    {
        _http = http;
        _alias = options.Alias;
        _time = time;
        _logger = logger;
        if (options.Username is not null)
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(options.Username + ":" + options.Password));
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", token);
        }
    }

    public string Name => "elasticsearch";

    public SynonymTable Synonyms { get; set; } = SynonymTable.Default;

    public async Task RebuildAsync(IReadOnlyCollection<Article> articles, CancellationToken cancellationToken = default)
    {
        await SendAsync(HttpMethod.Put, "_index_template/" + _alias, ElasticsearchBodies.IndexTemplate(_alias), cancellationToken).ConfigureAwait(false);
        var index = _alias + "-" + _time.GetUtcNow().ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        await SendAsync(HttpMethod.Put, index, null, cancellationToken).ConfigureAwait(false);
        foreach (var chunk in articles.Chunk(BulkBatch))
        {
            using var bulk = await SendAsync(HttpMethod.Post, "_bulk", ElasticsearchBodies.Bulk(index, chunk), cancellationToken, "application/x-ndjson").ConfigureAwait(false);
            if (bulk.RootElement.TryGetProperty("errors", out var errors) && errors.GetBoolean())
            {
                throw new SearchBackendException($"Elasticsearch bulk indexing into {index} reported item errors");
            }
        }

        await SendAsync(HttpMethod.Post, index + "/_refresh", null, cancellationToken).ConfigureAwait(false);
        var old = await AliasedIndicesAsync(cancellationToken).ConfigureAwait(false);
        await SendAsync(HttpMethod.Post, "_aliases", ElasticsearchBodies.SwapAlias(_alias, index, old), cancellationToken).ConfigureAwait(false);
        SearchLog.AliasSwapped(_logger, _alias, index);
        foreach (var stale in old)
        {
            await SendAsync(HttpMethod.Delete, stale, null, cancellationToken, allowNotFound: true).ConfigureAwait(false);
        }
    }

    public async Task UpsertAsync(Article article, CancellationToken cancellationToken = default) =>
        (await SendAsync(HttpMethod.Put, $"{_alias}/_doc/{Uri.EscapeDataString(article.Id)}?refresh=wait_for",
            ElasticsearchBodies.Document(article), cancellationToken).ConfigureAwait(false)).Dispose();

    public async Task DeleteAsync(string articleId, CancellationToken cancellationToken = default) =>
        (await SendAsync(HttpMethod.Delete, $"{_alias}/_doc/{Uri.EscapeDataString(articleId)}?refresh=wait_for", null,
            cancellationToken, allowNotFound: true).ConfigureAwait(false)).Dispose();

    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        SearchRequestRules.Require(request);
        var plan = new QueryPlanner(Synonyms, CharacterVariants.Default).Plan(request.Query, _ => 1);
        using var response = await SendAsync(HttpMethod.Post, _alias + "/_search", ElasticsearchQueries.Search(request, Synonyms), cancellationToken).ConfigureAwait(false);
        var hits = response.RootElement.GetProperty("hits");
        var total = hits.GetProperty("total").GetProperty("value").GetInt32();
        var list = hits.GetProperty("hits").EnumerateArray()
            .Select(h => Embedded.EmbeddedSearchEngine.ToHit(ReadSource(h), h.GetProperty("_score").GetDouble(), plan))
            .ToList();
        return new SearchResult(total, list);
    }

    public async Task<IReadOnlyList<TitleSuggestion>> SuggestAsync(string prefix, int limit = 8, CancellationToken cancellationToken = default)
    {
        SearchRequestRules.RequirePrefix(prefix, limit);
        var folded = TextFolding.Fold(prefix.Trim());
        using var response = await SendAsync(HttpMethod.Post, _alias + "/_search", ElasticsearchQueries.Suggest(prefix, limit), cancellationToken).ConfigureAwait(false);
        return response.RootElement.GetProperty("hits").GetProperty("hits").EnumerateArray()
            .Select(h => ReadSource(h))
            .Select(a => (Article: a, At: TextFolding.Fold(a.Title).IndexOf(folded, StringComparison.Ordinal)))
            .OrderBy(x => x.At == 0 ? 0 : 1)
            .ThenBy(x => x.Article.Title.Length)
            .Select(x => new TitleSuggestion(x.Article.Id, new HighlightedText(x.Article.Title, x.At >= 0 ? [new TextRange(x.At, folded.Length)] : [])))
            .ToList();
    }

    private static Article ReadSource(JsonElement hit)
    {
        var (draft, error) = ArticleJson.Read(hit.GetProperty("_source").GetProperty("source"));
        if (draft is null)
        {
            throw new SearchBackendException("Elasticsearch returned an unreadable article: " + error);
        }

        return new Article(draft.Id, draft.Title, draft.Category, draft.Department, draft.Keywords, draft.AppliesTo, draft.Content,
            draft.Updated ?? DateOnly.MinValue, 0, []);
    }

    private async Task<IReadOnlyList<string>> AliasedIndicesAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, "_alias/" + _alias, null, cancellationToken, allowNotFound: true).ConfigureAwait(false);
        return response.RootElement.ValueKind == JsonValueKind.Object && !response.RootElement.TryGetProperty("error", out _)
            ? response.RootElement.EnumerateObject().Select(p => p.Name).ToList()
            : [];
    }

    private async Task<JsonDocument> SendAsync(HttpMethod method, string path, byte[]? body, CancellationToken cancellationToken,
        string contentType = "application/json", bool allowNotFound = false)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode && !(allowNotFound && response.StatusCode == HttpStatusCode.NotFound))
            {
                throw new SearchBackendException($"Elasticsearch {method} {path} answered {(int)response.StatusCode}: {Truncate(text)}");
            }

            return JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
        }
        catch (HttpRequestException e)
        {
            throw new SearchBackendException($"Elasticsearch {method} {path} failed: {e.Message}", e);
        }
        catch (JsonException e)
        {
            throw new SearchBackendException($"Elasticsearch {method} {path} answered with invalid JSON", e);
        }
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300];
}

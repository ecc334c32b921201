using System.Text;
using Elastic.Transport;

namespace Hotline.Search.Tests.Engine.Elasticsearch;

/// <summary>
/// The client's transport without a server: Elastic.Transport's <see cref="InMemoryRequestInvoker"/>
/// builds each response (so the client parses it exactly as a real one), while this records every
/// request and picks the status and body per request.
/// </summary>
internal sealed class ScriptedInvoker : IRequestInvoker
{
    /// <summary>A status meaning "no answer": the connection was refused.</summary>
    public const int Refused = 0;

    private readonly InMemoryRequestInvoker _inner;
    private readonly Func<RecordedRequest, (int Status, string Body)> _answer;
    private readonly List<RecordedRequest> _requests = [];

    /// <param name="asElasticsearch">
    /// Answer with the <c>X-Elastic-Product: Elasticsearch</c> header a real server sends (the
    /// client refuses answers without it); false stands for something else on that port.
    /// </param>
    public ScriptedInvoker(Func<RecordedRequest, (int Status, string Body)>? answer = null, bool asElasticsearch = true)
    {
        _answer = answer ?? (_ => (200, "{}"));
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        if (asElasticsearch)
        {
            headers["X-Elastic-Product"] = ["Elasticsearch"];
        }

        _inner = new InMemoryRequestInvoker([], 200, null, "application/json", headers);
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToList();
            }
        }
    }

    public ResponseFactory ResponseFactory => _inner.ResponseFactory;

    public async Task<TResponse> RequestAsync<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData,
        CancellationToken cancellationToken)
        where TResponse : TransportResponse, new()
    {
        var body = string.Empty;
        if (postData is not null)
        {
            using var buffer = new MemoryStream();
            await postData.WriteAsync(buffer, boundConfiguration.ConnectionSettings, true, cancellationToken);
            body = Encoding.UTF8.GetString(buffer.ToArray());
        }

        var request = new RecordedRequest(endpoint.Method.ToString().ToUpperInvariant(), endpoint.Uri.PathAndQuery, body);
        lock (_requests)
        {
            _requests.Add(request);
        }

        var (status, answer) = _answer(request);
        if (status == Refused)
        {
            // What the HTTP invoker reports for a refused connection: no status, the socket's exception.
            var refused = new InMemoryRequestInvoker([], 0, new HttpRequestException("Connection refused (127.0.0.1:9200)"), "application/json", []);
            return await refused.RequestAsync<TResponse>(endpoint, boundConfiguration, postData, cancellationToken);
        }

        return await _inner.BuildResponseAsync<TResponse>(endpoint, boundConfiguration, postData, cancellationToken,
            Encoding.UTF8.GetBytes(answer), status, "application/json");
    }

    public TResponse Request<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData)
        where TResponse : TransportResponse, new() =>
        RequestAsync<TResponse>(endpoint, boundConfiguration, postData, CancellationToken.None).GetAwaiter().GetResult();

    public void Dispose()
    {
    }
}

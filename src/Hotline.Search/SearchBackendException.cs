namespace Hotline.Search;

/// <summary>The external search backend (Elasticsearch) failed or is unreachable; gRPC maps it to UNAVAILABLE.</summary>
public sealed class SearchBackendException : Exception
{
    public SearchBackendException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

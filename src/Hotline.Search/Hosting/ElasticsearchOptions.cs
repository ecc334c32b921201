namespace Hotline.Search.Hosting;

/// <summary>Configuration section <c>Search:Elasticsearch</c>.</summary>
public sealed class ElasticsearchOptions
{
    /// <summary>Base URL, e.g. http://127.0.0.1:9200.</summary>
    public string Url { get; set; } = "http://127.0.0.1:9200";

    /// <summary>The alias searches go through; each rebuild creates <c>{alias}-{timestamp}</c> and swaps it in.</summary>
    public string Alias { get; set; } = "hotline-kb";

    public string? Username { get; set; }

    public string? Password { get; set; }

    public int TimeoutSeconds { get; set; } = 10;
}

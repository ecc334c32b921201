namespace Hotline.Search.Hosting;

/// <summary>Configuration section <c>Search</c>.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary><c>embedded</c> (default) or <c>elasticsearch</c>.</summary>
    public string Provider { get; set; } = "embedded";

    /// <summary>Where kb.db (articles and history) and synonyms.txt / dispatch-rules.txt live.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Import the shipped demo articles when the article store is empty.</summary>
    public bool SeedDemoCorpus { get; set; } = true;

    /// <summary>Learn the shipped demo dispatches when no history is fed (demo and tests).</summary>
    public bool SeedDemoDispatches { get; set; } = true;

    /// <summary>Learn the shipped demo article-use evidence (which article helped which demo ticket) at start.</summary>
    public bool SeedDemoArticleUse { get; set; } = true;

    public ElasticsearchOptions Elasticsearch { get; set; } = new();
}

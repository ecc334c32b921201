using Hotline.Search.Analysis;
using Hotline.Search.Articles;

namespace Hotline.Search.Engine;

/// <summary>
/// A full-text engine over knowledge-base articles. The article store is the source of truth;
/// an engine holds a derived index that <see cref="RebuildAsync"/> recreates from it.
/// Implementations: <see cref="Embedded.EmbeddedSearchEngine"/> (default) and
/// <see cref="Elasticsearch.ElasticsearchEngine"/>, chosen by <c>Search:Provider</c>.
/// </summary>
public interface ISearchEngine
{
    /// <summary>"embedded" or "elasticsearch".</summary>
    string Name { get; }

    /// <summary>Synonyms expanded into queries from the next query on.</summary>
    SynonymTable Synonyms { get; set; }

    /// <summary>Replaces the whole index with these articles.</summary>
    Task RebuildAsync(IReadOnlyCollection<Article> articles, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces one article.</summary>
    Task UpsertAsync(Article article, CancellationToken cancellationToken = default);

    /// <summary>Removes one article; unknown ids are ignored.</summary>
    Task DeleteAsync(string articleId, CancellationToken cancellationToken = default);

    /// <summary>Ranked articles for a colloquial query, with highlighted title and snippet.</summary>
    /// <exception cref="SearchInputException">The request is empty, oversized, binary or out of range.</exception>
    Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default);

    /// <summary>Titles for autocomplete as the agent types.</summary>
    /// <exception cref="SearchInputException">The prefix is empty, oversized or binary.</exception>
    Task<IReadOnlyList<TitleSuggestion>> SuggestAsync(string prefix, int limit = 8, CancellationToken cancellationToken = default);
}

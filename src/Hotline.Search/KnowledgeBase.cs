using System.Text;
using Hotline.Search.Analysis;
using Hotline.Search.Articles;
using Hotline.Search.Demo;
using Hotline.Search.Engine;
using Microsoft.Extensions.Logging;

namespace Hotline.Search;

/// <summary>
/// The knowledge base as the gRPC <c>hotline.v1.Knowledge</c> service sees it: the durable
/// article store plus a search engine derived from it. Writes go to the store first (the source
/// of truth), then to the index; <see cref="OpenAsync"/> rebuilds the index from the store.
/// </summary>
public sealed class KnowledgeBase
{
    private readonly SqliteArticleStore _store;
    private readonly ILogger<KnowledgeBase> _logger;
    private readonly string? _synonymsPath;

    /// <param name="synonymsPath">File holding the operator-edited synonym table; null keeps it in memory only.</param>
    public KnowledgeBase(SqliteArticleStore store, ISearchEngine engine, ILogger<KnowledgeBase> logger, string? synonymsPath = null)
    {
        _store = store;
        Engine = engine;
        _logger = logger;
        _synonymsPath = synonymsPath;
    }

    public ISearchEngine Engine { get; }

    /// <summary>Loads synonyms, seeds the demo corpus into an empty store if asked, and rebuilds the index.</summary>
    public async Task OpenAsync(bool seedDemoCorpus, CancellationToken cancellationToken = default)
    {
        if (_synonymsPath is not null && File.Exists(_synonymsPath))
        {
            Engine.Synonyms = SynonymTable.Parse(await File.ReadAllTextAsync(_synonymsPath, cancellationToken).ConfigureAwait(false));
        }

        var articles = _store.LoadAll();
        if (articles.Count == 0 && seedDemoCorpus)
        {
            _store.UpsertMany(DemoCorpus.ArticleDrafts(), "system", "imported demo corpus");
            articles = _store.LoadAll();
        }

        await Engine.RebuildAsync(articles, cancellationToken).ConfigureAwait(false);
        SearchLog.IndexRebuilt(_logger, Engine.Name, articles.Count);
    }

    /// <inheritdoc cref="ISearchEngine.SearchAsync"/>
    public Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        Engine.SearchAsync(request, cancellationToken);

    /// <inheritdoc cref="ISearchEngine.SuggestAsync"/>
    public Task<IReadOnlyList<TitleSuggestion>> SuggestAsync(string prefix, int limit = 8, CancellationToken cancellationToken = default) =>
        Engine.SuggestAsync(prefix, limit, cancellationToken);

    /// <summary>The article with its sections and history, or null (gRPC NOT_FOUND).</summary>
    /// <exception cref="SearchInputException">The id is malformed.</exception>
    public Article? GetArticle(string id)
    {
        RequireId(id);
        return _store.Get(id);
    }

    /// <summary>Creates or edits an article (editor role checked by the caller).</summary>
    /// <exception cref="SearchInputException">The draft or editor is invalid.</exception>
    public async Task<Article> UpsertArticleAsync(ArticleDraft draft, string editor, CancellationToken cancellationToken = default)
    {
        RequireEditor(editor);
        var saved = _store.Upsert(draft, editor);
        await Engine.UpsertAsync(saved, cancellationToken).ConfigureAwait(false);
        SearchLog.ArticleSaved(_logger, saved.Id, saved.Version, editor);
        return saved;
    }

    /// <summary>Deletes an article; false when there was none (gRPC NOT_FOUND).</summary>
    public async Task<bool> DeleteArticleAsync(string id, string editor, CancellationToken cancellationToken = default)
    {
        RequireId(id);
        RequireEditor(editor);
        if (!_store.Delete(id, editor))
        {
            return false;
        }

        await Engine.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        SearchLog.ArticleDeleted(_logger, id, editor);
        return true;
    }

    /// <summary>Imports JSON Lines: every bad line reported, nothing written unless all are good.</summary>
    public Task<ImportReport> ImportJsonLinesAsync(Stream input, string editor, CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return ApplyAsync(ArticleJsonLines.Parse(reader), editor, cancellationToken);
    }

    /// <summary>Imports a folder of Markdown files with front matter, all or nothing.</summary>
    public Task<ImportReport> ImportMarkdownFolderAsync(string folder, string editor, CancellationToken cancellationToken = default) =>
        ApplyAsync(MarkdownArticleFolder.Parse(folder), editor, cancellationToken);

    public void ExportJsonLines(Stream output) => ArticleJsonLines.Write(_store.LoadAll(), output);

    public void ExportMarkdownFolder(string folder) => MarkdownArticleFolder.Write(_store.LoadAll(), folder);

    /// <summary>The synonym table in its text form.</summary>
    public string SynonymsText => Engine.Synonyms.ToText();

    /// <summary>Replaces the synonym table (saved to the data directory) from its text form.</summary>
    /// <exception cref="SearchInputException">A line is malformed.</exception>
    public async Task SetSynonymsAsync(string text, CancellationToken cancellationToken = default)
    {
        var table = SynonymTable.Parse(text);
        if (_synonymsPath is not null)
        {
            var temporary = _synonymsPath + ".tmp";
            await File.WriteAllTextAsync(temporary, table.ToText(), cancellationToken).ConfigureAwait(false);
            File.Move(temporary, _synonymsPath, overwrite: true);
        }

        Engine.Synonyms = table;
    }

    private async Task<ImportReport> ApplyAsync(ImportBatch batch, string editor, CancellationToken cancellationToken)
    {
        RequireEditor(editor);
        if (!batch.IsValid)
        {
            SearchLog.ImportRejected(_logger, batch.Errors.Count);
            return new ImportReport(0, batch.Errors);
        }

        var saved = _store.UpsertMany(batch.Drafts, editor, null);
        foreach (var article in saved)
        {
            await Engine.UpsertAsync(article, cancellationToken).ConfigureAwait(false);
        }

        return new ImportReport(saved.Count, []);
    }

    private static void RequireId(string id)
    {
        if (ArticleRules.Check(new ArticleDraft(id, "t", "c", "d", [], string.Empty, "c")) is { } reason)
        {
            throw new SearchInputException("id", reason);
        }
    }

    internal static void RequireEditor(string editor)
    {
        if (string.IsNullOrWhiteSpace(editor) || editor.Length > 64 || !TextChecks.IsCleanText(editor, false))
        {
            throw new SearchInputException("editor", "must be 1-64 printable characters");
        }
    }
}

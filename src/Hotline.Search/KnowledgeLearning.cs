using Hotline.Search.Demo;
using Hotline.Search.Engine;
using Hotline.Search.Lexicon;
using Hotline.Search.Usage;
using Microsoft.Extensions.Logging;

namespace Hotline.Search;

/// <summary>
/// What the search learns beyond the articles: the colloquial → official lexicon (shipped data
/// files plus editors' changes) and the evidence of which articles agents used on which tickets.
/// Both are durable in the knowledge base's SQLite file and pushed into the engine when they
/// change, for engines that take them (<see cref="ILearningSearchEngine"/>).
/// </summary>
public sealed class KnowledgeLearning
{
    /// <summary>Most entries accepted in one upsert or delete call.</summary>
    public const int MaxBatch = 1000;

    private readonly object _gate = new();
    private readonly SqliteLexiconStore _lexiconStore;
    private readonly SqliteArticleUseStore _useStore;
    private readonly ISearchEngine _engine;
    private readonly ILogger<KnowledgeLearning> _logger;

    public KnowledgeLearning(SqliteLexiconStore lexiconStore, SqliteArticleUseStore useStore, ISearchEngine engine, ILogger<KnowledgeLearning> logger)
    {
        _lexiconStore = lexiconStore;
        _useStore = useStore;
        _engine = engine;
        _logger = logger;
        Lexicon = ColloquialLexicon.Shipped;
    }

    /// <summary>The lexicon in force.</summary>
    public ColloquialLexicon Lexicon { get; private set; }

    /// <summary>The article-use evidence in force.</summary>
    public ArticleUseHistory History { get; } = new();

    /// <summary>Applies stored lexicon changes and loads the evidence (with the demo history first, if asked).</summary>
    public void Open(bool seedDemoArticleUse)
    {
        lock (_gate)
        {
            Lexicon = _lexiconStore.Apply(ColloquialLexicon.Shipped);
            if (seedDemoArticleUse)
            {
                History.Record(DemoCorpus.ArticleUses());
            }

            History.Record(_useStore.LoadAll());
            Publish();
        }

        SearchLog.LearningOpened(_logger, Lexicon.Entries.Count, History.TicketCount);
    }

    /// <summary>Adds or changes entries (editor role checked by the caller); all or none.</summary>
    /// <exception cref="SearchInputException">An entry or the editor is invalid, or the batch is empty or too big.</exception>
    public IReadOnlyList<LexiconEntry> UpsertLexiconEntries(IReadOnlyList<LexiconEntry> entries, string editor)
    {
        KnowledgeBase.RequireEditor(editor);
        RequireBatch(entries.Count);
        var checkedEntries = entries.Select((e, i) =>
        {
            var entry = string.IsNullOrWhiteSpace(e.Source) ? e with { Source = "editor: " + editor } : e;
            if (LexiconRules.Check(entry) is { } problem)
            {
                throw new SearchInputException($"entries[{i}].{problem.Field}", problem.Reason);
            }

            return LexiconRules.Normalise(entry);
        }).ToList();

        lock (_gate)
        {
            _lexiconStore.Save(checkedEntries, editor);
            Lexicon = Lexicon.With(checkedEntries, []);
            Publish();
        }

        SearchLog.LexiconChanged(_logger, checkedEntries.Count, 0, editor);
        return checkedEntries;
    }

    /// <summary>Removes colloquial/official pairs (editor role checked by the caller); returns how many existed.</summary>
    /// <exception cref="SearchInputException">A pair or the editor is invalid, or the batch is empty or too big.</exception>
    public int DeleteLexiconEntries(IReadOnlyList<(string Colloquial, string Official)> pairs, string editor)
    {
        KnowledgeBase.RequireEditor(editor);
        RequireBatch(pairs.Count);
        var folded = pairs.Select((p, i) =>
        {
            var probe = new LexiconEntry(p.Colloquial ?? string.Empty, p.Official ?? string.Empty, 1f, "delete");
            if (LexiconRules.Check(probe) is { } problem)
            {
                throw new SearchInputException($"entries[{i}].{problem.Field}", problem.Reason);
            }

            var normal = LexiconRules.Normalise(probe);
            return (normal.Colloquial, normal.Official);
        }).ToList();

        int existed;
        lock (_gate)
        {
            var present = Lexicon.Entries.Select(e => (e.Colloquial, e.Official)).ToHashSet();
            existed = folded.Count(present.Contains);
            _lexiconStore.Delete(folded, editor);
            Lexicon = Lexicon.With([], folded);
            Publish();
        }

        SearchLog.LexiconChanged(_logger, 0, existed, editor);
        return existed;
    }

    /// <summary>Keeps evidence that an agent opened or attached an article while handling a ticket.</summary>
    /// <exception cref="SearchInputException">A field is empty, oversized or binary.</exception>
    public void RecordArticleUse(ArticleUse use)
    {
        ArticleUseRules.Require(use);
        _useStore.Save(use);
        History.Record(use);
    }

    private void Publish()
    {
        if (_engine is ILearningSearchEngine learning)
        {
            learning.Lexicon = Lexicon;
            learning.History = History;
        }
    }

    private static void RequireBatch(int count)
    {
        if (count is < 1 or > MaxBatch)
        {
            throw new SearchInputException("entries", $"must hold 1-{MaxBatch} entries");
        }
    }
}

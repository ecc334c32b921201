using Hotline.Search.Lexicon;
using Hotline.Search.Usage;

namespace Hotline.Search.Engine;

/// <summary>
/// An engine that bridges citizens' words to the knowledge base's: it expands queries with the
/// colloquial lexicon and lifts articles agents used on similar past tickets. A separate interface
/// so an engine can adopt it on its own schedule (the Elasticsearch engine takes the lexicon as
/// its synonym set, <see cref="ColloquialLexicon.ElasticsearchSynonymRules"/>).
/// </summary>
public interface ILearningSearchEngine
{
    /// <summary>The lexicon used from the next query on.</summary>
    ColloquialLexicon Lexicon { get; set; }

    /// <summary>The article-use evidence consulted per query; null turns that signal off.</summary>
    ArticleUseHistory? History { get; set; }
}

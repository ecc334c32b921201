using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Analysis;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.Mapping;

namespace Hotline.Search.Engine.Elasticsearch;

/// <summary>
/// The index template every <c>{alias}-{timestamp}</c> index is created from: one shard, the
/// <c>hotline_cjk</c> analysis chain and the document mapping (<see cref="ArticleDocument"/>).
/// </summary>
internal static class ArticleIndexTemplate
{
    public const string Analyzer = "hotline_cjk";

    /// <summary>
    /// Standard tokenizer (one token per Han character, words for Latin text), then cjk_width
    /// (full/half-width), lowercase, and cjk_bigram: overlapping bigrams, the embedded engine's unit.
    /// </summary>
    public static readonly IReadOnlyList<string> Filters = ["cjk_width", "lowercase", "cjk_bigram"];

    public static PutIndexTemplateRequest Request(string alias) => new(alias)
    {
        IndexPatterns = Indices.Parse(alias + "-*"),
        Template = new IndexTemplateMapping
        {
            Settings = new IndexSettings
            {
                NumberOfShards = 1,
                Analysis = new IndexSettingsAnalysis
                {
                    Analyzers = new Analyzers
                    {
                        { Analyzer, new CustomAnalyzer { Tokenizer = "standard", Filter = Filters.ToList() } },
                    },
                },
            },
            Mappings = new TypeMapping
            {
                Properties = new Properties
                {
                    { "title", new TextProperty { Analyzer = Analyzer } },
                    { "keywords", new TextProperty { Analyzer = Analyzer } },
                    { "content", new TextProperty { Analyzer = Analyzer } },
                    { "id", new KeywordProperty() },
                    { "title_folded", new KeywordProperty() },
                    { "category", new KeywordProperty() },
                    { "department", new KeywordProperty() },
                    { "applies_to", new KeywordProperty() },
                    // Kept for display only: never indexed.
                    { "source", new ObjectProperty { Enabled = false } },
                },
            },
        },
    };
}

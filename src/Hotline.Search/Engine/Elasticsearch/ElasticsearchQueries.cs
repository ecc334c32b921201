using System.Text;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Hotline.Search.Analysis;

namespace Hotline.Search.Engine.Elasticsearch;

/// <summary>
/// Search and suggest requests: the same field boosts, filler removal, synonyms and filters as the
/// embedded engine. User text only ever becomes a string value of a typed query, never query syntax.
/// </summary>
internal static class ElasticsearchQueries
{
    private static readonly Fields BoostedFields = Fields.FromStrings(["title^4", "keywords^3", "content"]);

    /// <summary>Only the original article comes back; the folded fields are for matching.</summary>
    private static readonly SourceConfig OriginalOnly = new(new SourceFilter { Includes = Fields.FromString("source") });

    public static SearchRequest<ArticleDocument> Search(string alias, SearchRequest request, SynonymTable synonyms)
    {
        var folded = TextFolding.Fold(request.Query);
        var text = QueryPlanner.BlankFillers(folded);
        var should = new List<Query> { MultiMatch(string.IsNullOrWhiteSpace(text) ? folded : text, 1.0f) };
        should.AddRange(synonyms.AlternativesIn(folded).Select(alternative => MultiMatch(alternative, 0.7f)));
        var filters = new[] { Term("category", request.Category), Term("department", request.Department), Term("applies_to", request.AppliesTo) }
            .OfType<Query>()
            .ToList();
        return new SearchRequest<ArticleDocument>(alias)
        {
            From = request.Offset,
            Size = request.Limit,
            TrackTotalHits = new TrackHits(true),
            Source = OriginalOnly,
            Query = new BoolQuery { Should = should, MinimumShouldMatch = 1, Filter = filters },
            Highlight = ServerHighlight.Request(),
        };
    }

    /// <summary>Titles containing the typed text anywhere, as the embedded engine matches them.</summary>
    public static SearchRequest<ArticleDocument> Suggest(string alias, string prefix, int limit) => new(alias)
    {
        Size = limit,
        Source = OriginalOnly,
        Query = new WildcardQuery("title_folded") { Value = "*" + EscapeWildcard(TextFolding.Fold(prefix.Trim())) + "*" },
        Sort = [new SortOptions { Score = new ScoreSort() }, new SortOptions { Field = new FieldSort { Field = "id" } }],
    };

    /// <summary>Wildcard syntax characters in user text are escaped so they match literally.</summary>
    public static string EscapeWildcard(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '*' or '?' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static Query MultiMatch(string text, float boost) =>
        new MultiMatchQuery(text) { Type = TextQueryType.MostFields, Fields = BoostedFields, Boost = boost };

    private static Query? Term(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return new TermQuery(field, TextFolding.Fold(value.Trim()));
    }
}

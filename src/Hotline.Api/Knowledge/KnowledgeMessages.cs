using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hotline.Search.Articles;
using Hotline.Search.Engine;
using V1 = Hotline.Api.V1;

namespace Hotline.Api.Knowledge;

/// <summary>Maps between the search library's records and the hotline.v1.Knowledge messages.</summary>
internal static class KnowledgeMessages
{
    private const string DateFormat = "yyyy-MM-dd";

    public static V1.KnowledgeHit ToMessage(SearchHit hit) => new()
    {
        ArticleId = hit.ArticleId,
        Title = hit.Title,
        Category = hit.Category,
        Department = hit.Department,
        AppliesTo = hit.AppliesTo,
        Updated = Date(hit.Updated),
        Score = hit.Score,
        TitleHighlight = ToMessage(hit.TitleHighlight),
        Snippet = ToMessage(hit.Snippet),
    };

    public static V1.KnowledgeHighlight ToMessage(HighlightedText text)
    {
        var message = new V1.KnowledgeHighlight { Text = text.Text };
        message.Ranges.AddRange(text.Highlights.Select(r => new V1.HighlightRange { Start = r.Start, Length = r.Length }));
        return message;
    }

    public static V1.KnowledgeSuggestion ToMessage(TitleSuggestion suggestion) => new()
    {
        ArticleId = suggestion.ArticleId,
        Title = ToMessage(suggestion.Title),
    };

    public static V1.KnowledgeArticle ToMessage(Article article)
    {
        var message = new V1.KnowledgeArticle
        {
            ArticleId = article.Id,
            Title = article.Title,
            Category = article.Category,
            Department = article.Department,
            AppliesTo = article.AppliesTo,
            Content = article.Content,
            Updated = Date(article.Updated),
            Version = article.Version,
        };
        message.Keywords.AddRange(article.Keywords);
        message.Sections.AddRange(article.Sections.Select(s => new V1.KnowledgeSection { Heading = s.Heading, Body = s.Body }));
        message.History.AddRange(article.History.Select(r => new V1.KnowledgeRevision
        {
            Version = r.Version,
            Editor = r.Editor,
            At = Timestamp.FromDateTimeOffset(r.At),
            Summary = r.Summary,
        }));
        return message;
    }

    /// <summary>The editable fields; the library checks them (INVALID_ARGUMENT names the field), only the date is parsed here.</summary>
    public static ArticleDraft ToDraft(V1.UpsertArticleRequest request) => new(
        request.ArticleId,
        request.Title,
        request.Category,
        request.Department,
        request.Keywords.ToList(),
        request.AppliesTo,
        request.Content,
        ParseDate(request.Updated));

    private static DateOnly? ParseDate(string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        return DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new RpcException(new Status(StatusCode.InvalidArgument, "updated: must be a date as yyyy-MM-dd, or empty for today"));
    }

    private static string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);
}

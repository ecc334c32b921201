using System.Globalization;
using Grpc.Core;
using Hotline.Api.Desks;
using Hotline.Search.Articles;
using Hotline.Search.Engine;
using Riok.Mapperly.Abstractions;
using V1 = Hotline.Api.V1;

namespace Hotline.Api.Knowledge;

/// <summary>
/// The search library's records to hotline.v1.Knowledge messages (Mapperly), and the one rule going the
/// other way: an article draft's date is parsed here, its other fields are checked by the library.
/// </summary>
[Mapper]
[UseStaticMapper(typeof(WireTime))]
internal static partial class KnowledgeMessages
{
    private const string DateFormat = "yyyy-MM-dd";

    public static partial V1.KnowledgeHit ToMessage(SearchHit hit);

    [MapProperty(nameof(HighlightedText.Highlights), nameof(V1.KnowledgeHighlight.Ranges))]
    public static partial V1.KnowledgeHighlight ToMessage(HighlightedText text);

    public static partial V1.KnowledgeSuggestion ToMessage(TitleSuggestion suggestion);

    [MapProperty(nameof(Article.Id), nameof(V1.KnowledgeArticle.ArticleId))]
    public static partial V1.KnowledgeArticle ToMessage(Article article);

    private static partial V1.HighlightRange ToMessage(TextRange range);

    private static partial V1.KnowledgeSection ToMessage(ArticleSection section);

    private static partial V1.KnowledgeRevision ToMessage(ArticleRevision revision);

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

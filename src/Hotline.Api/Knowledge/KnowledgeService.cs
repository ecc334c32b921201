using Grpc.Core;
using Hotline.Search;
using Hotline.Search.Engine;
using Hotline.Search.Lexicon;
using Hotline.Search.Usage;
using V1 = Hotline.Api.V1;

namespace Hotline.Api.Knowledge;

/// <summary>
/// hotline.v1.Knowledge: the knowledge base agents search while the caller is on the line. Any staff
/// member may read; editors and supervisors may edit, and the edit is recorded under their staff id.
/// Field checks live in the library (<see cref="SearchInputException"/> names the field at fault).
/// </summary>
internal sealed class KnowledgeService(KnowledgeBase knowledgeBase, KnowledgeLearning learning) : V1.Knowledge.KnowledgeBase
{
    public override async Task<V1.SearchArticlesResponse> Search(V1.SearchArticlesRequest request, ServerCallContext context)
    {
        KnowledgeCall.RequireStaff(context);
        var search = new SearchRequest(
            request.Query,
            Blank(request.Category),
            Blank(request.Department),
            Blank(request.AppliesTo),
            request.Offset,
            request.Limit == 0 ? 10 : request.Limit);
        var result = await knowledgeBase.SearchAsync(search, context.CancellationToken);
        var response = new V1.SearchArticlesResponse { Total = result.Total };
        response.Hits.AddRange(result.Hits.Select(KnowledgeMessages.ToMessage));
        return response;
    }

    public override Task<V1.KnowledgeArticle> GetArticle(V1.GetArticleRequest request, ServerCallContext context)
    {
        KnowledgeCall.RequireStaff(context);
        var article = knowledgeBase.GetArticle(request.ArticleId);
        return article is null
            ? throw NotFound(request.ArticleId)
            : Task.FromResult(KnowledgeMessages.ToMessage(article));
    }

    public override async Task<V1.SuggestTitlesResponse> Suggest(V1.SuggestTitlesRequest request, ServerCallContext context)
    {
        KnowledgeCall.RequireStaff(context);
        var suggestions = await knowledgeBase.SuggestAsync(request.Prefix, request.Limit == 0 ? 8 : request.Limit, context.CancellationToken);
        var response = new V1.SuggestTitlesResponse();
        response.Suggestions.AddRange(suggestions.Select(KnowledgeMessages.ToMessage));
        return response;
    }

    public override async Task<V1.KnowledgeArticle> UpsertArticle(V1.UpsertArticleRequest request, ServerCallContext context)
    {
        var editor = KnowledgeCall.RequireEditor(context);
        var draft = KnowledgeMessages.ToDraft(request);
        var saved = await knowledgeBase.UpsertArticleAsync(draft, editor.Id, context.CancellationToken);
        return KnowledgeMessages.ToMessage(saved);
    }

    public override async Task<V1.DeleteArticleResponse> DeleteArticle(V1.DeleteArticleRequest request, ServerCallContext context)
    {
        var editor = KnowledgeCall.RequireEditor(context);
        var deleted = await knowledgeBase.DeleteArticleAsync(request.ArticleId, editor.Id, context.CancellationToken);
        return deleted ? new V1.DeleteArticleResponse { Deleted = true } : throw NotFound(request.ArticleId);
    }

    public override Task<V1.UpsertLexiconEntriesResponse> UpsertLexiconEntries(V1.UpsertLexiconEntriesRequest request, ServerCallContext context)
    {
        var editor = KnowledgeCall.RequireEditor(context);
        var entries = request.Entries.Select(e => new LexiconEntry(e.Colloquial, e.Official, e.Weight == 0 ? 1f : e.Weight, e.Source)).ToList();
        var saved = learning.UpsertLexiconEntries(entries, editor.Id);
        return Task.FromResult(new V1.UpsertLexiconEntriesResponse { Upserted = saved.Count, TotalEntries = learning.Lexicon.Entries.Count });
    }

    public override Task<V1.DeleteLexiconEntriesResponse> DeleteLexiconEntries(V1.DeleteLexiconEntriesRequest request, ServerCallContext context)
    {
        var editor = KnowledgeCall.RequireEditor(context);
        var deleted = learning.DeleteLexiconEntries(request.Entries.Select(e => (e.Colloquial, e.Official)).ToList(), editor.Id);
        return Task.FromResult(new V1.DeleteLexiconEntriesResponse { Deleted = deleted });
    }

    public override Task<V1.RecordArticleUseResponse> RecordArticleUse(V1.RecordArticleUseRequest request, ServerCallContext context)
    {
        KnowledgeCall.RequireStaff(context);
        var kind = request.Kind switch
        {
            V1.ArticleUseKind.Opened => ArticleUseKind.Opened,
            V1.ArticleUseKind.Attached => ArticleUseKind.Attached,
            _ => throw new SearchInputException("kind", "must be ARTICLE_USE_KIND_OPENED or ARTICLE_USE_KIND_ATTACHED"),
        };
        learning.RecordArticleUse(new ArticleUse(request.TicketId, request.TicketText, request.ArticleId, kind));
        return Task.FromResult(new V1.RecordArticleUseResponse());
    }

    private static RpcException NotFound(string articleId) =>
        new(new Status(StatusCode.NotFound, $"article '{articleId}' does not exist"));

    private static string? Blank(string value) => value.Length == 0 ? null : value;
}

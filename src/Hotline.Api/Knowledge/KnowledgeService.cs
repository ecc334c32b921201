using Google.Protobuf.Reflection;
using Hotline.Api.Grpc;
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
internal sealed class KnowledgeService(KnowledgeBase knowledgeBase, KnowledgeLearning learning) : IGrpcService
{
    public ServiceDescriptor Descriptor => HotlineServiceDescriptors.Knowledge;

    public void Bind(ServiceBinder binder)
    {
        binder.Unary<V1.SearchArticlesRequest, V1.SearchArticlesResponse>("Search", SearchAsync);
        binder.Unary<V1.GetArticleRequest, V1.KnowledgeArticle>("GetArticle", GetArticleAsync);
        binder.Unary<V1.SuggestTitlesRequest, V1.SuggestTitlesResponse>("Suggest", SuggestAsync);
        binder.Unary<V1.UpsertArticleRequest, V1.KnowledgeArticle>("UpsertArticle", UpsertArticleAsync);
        binder.Unary<V1.DeleteArticleRequest, V1.DeleteArticleResponse>("DeleteArticle", DeleteArticleAsync);
        binder.Unary<V1.UpsertLexiconEntriesRequest, V1.UpsertLexiconEntriesResponse>("UpsertLexiconEntries", UpsertLexiconEntriesAsync);
        binder.Unary<V1.DeleteLexiconEntriesRequest, V1.DeleteLexiconEntriesResponse>("DeleteLexiconEntries", DeleteLexiconEntriesAsync);
        binder.Unary<V1.RecordArticleUseRequest, V1.RecordArticleUseResponse>("RecordArticleUse", RecordArticleUseAsync);
    }

    private async Task<V1.SearchArticlesResponse> SearchAsync(V1.SearchArticlesRequest request, ServerCallContext context)
    {
        KnowledgeCall.RequireStaff(context);
        var search = new SearchRequest(
            request.Query,
            Blank(request.Category),
            Blank(request.Department),
            Blank(request.AppliesTo),
            request.Offset,
            request.Limit == 0 ? 10 : request.Limit);
        var result = await KnowledgeCall.RunAsync(() => knowledgeBase.SearchAsync(search, context.CancellationToken));
        var response = new V1.SearchArticlesResponse { Total = result.Total };
        response.Hits.AddRange(result.Hits.Select(KnowledgeMessages.ToMessage));
        return response;
    }

    private async Task<V1.KnowledgeArticle> GetArticleAsync(V1.GetArticleRequest request, ServerCallContext context)
    {
        KnowledgeCall.RequireStaff(context);
        var article = await KnowledgeCall.RunAsync(() => Task.FromResult(knowledgeBase.GetArticle(request.ArticleId)));
        return article is null
            ? throw new RpcException(StatusCode.NotFound, $"article '{request.ArticleId}' does not exist")
            : KnowledgeMessages.ToMessage(article);
    }

    private async Task<V1.SuggestTitlesResponse> SuggestAsync(V1.SuggestTitlesRequest request, ServerCallContext context)
    {
        KnowledgeCall.RequireStaff(context);
        var suggestions = await KnowledgeCall.RunAsync(() =>
            knowledgeBase.SuggestAsync(request.Prefix, request.Limit == 0 ? 8 : request.Limit, context.CancellationToken));
        var response = new V1.SuggestTitlesResponse();
        response.Suggestions.AddRange(suggestions.Select(KnowledgeMessages.ToMessage));
        return response;
    }

    private async Task<V1.KnowledgeArticle> UpsertArticleAsync(V1.UpsertArticleRequest request, ServerCallContext context)
    {
        var editor = KnowledgeCall.RequireEditor(context);
        var draft = KnowledgeMessages.ToDraft(request);
        var saved = await KnowledgeCall.RunAsync(() => knowledgeBase.UpsertArticleAsync(draft, editor.Id, context.CancellationToken));
        return KnowledgeMessages.ToMessage(saved);
    }

    private async Task<V1.DeleteArticleResponse> DeleteArticleAsync(V1.DeleteArticleRequest request, ServerCallContext context)
    {
        var editor = KnowledgeCall.RequireEditor(context);
        var deleted = await KnowledgeCall.RunAsync(() => knowledgeBase.DeleteArticleAsync(request.ArticleId, editor.Id, context.CancellationToken));
        return deleted
            ? new V1.DeleteArticleResponse { Deleted = true }
            : throw new RpcException(StatusCode.NotFound, $"article '{request.ArticleId}' does not exist");
    }

    private async Task<V1.UpsertLexiconEntriesResponse> UpsertLexiconEntriesAsync(V1.UpsertLexiconEntriesRequest request, ServerCallContext context)
    {
        var editor = KnowledgeCall.RequireEditor(context);
        var entries = request.Entries.Select(e => new LexiconEntry(e.Colloquial, e.Official, e.Weight == 0 ? 1f : e.Weight, e.Source)).ToList();
        var saved = await KnowledgeCall.RunAsync(() => Task.FromResult(learning.UpsertLexiconEntries(entries, editor.Id)));
        return new V1.UpsertLexiconEntriesResponse { Upserted = saved.Count, TotalEntries = learning.Lexicon.Entries.Count };
    }

    private async Task<V1.DeleteLexiconEntriesResponse> DeleteLexiconEntriesAsync(V1.DeleteLexiconEntriesRequest request, ServerCallContext context)
    {
        var editor = KnowledgeCall.RequireEditor(context);
        var pairs = request.Entries.Select(e => (e.Colloquial, e.Official)).ToList();
        var deleted = await KnowledgeCall.RunAsync(() => Task.FromResult(learning.DeleteLexiconEntries(pairs, editor.Id)));
        return new V1.DeleteLexiconEntriesResponse { Deleted = deleted };
    }

    private async Task<V1.RecordArticleUseResponse> RecordArticleUseAsync(V1.RecordArticleUseRequest request, ServerCallContext context)
    {
        KnowledgeCall.RequireStaff(context);
        var kind = request.Kind switch
        {
            V1.ArticleUseKind.Opened => ArticleUseKind.Opened,
            V1.ArticleUseKind.Attached => ArticleUseKind.Attached,
            _ => throw new RpcException(StatusCode.InvalidArgument, "kind: must be ARTICLE_USE_KIND_OPENED or ARTICLE_USE_KIND_ATTACHED"),
        };
        await KnowledgeCall.RunAsync(() =>
        {
            learning.RecordArticleUse(new ArticleUse(request.TicketId, request.TicketText, request.ArticleId, kind));
            return Task.FromResult(true);
        });
        return new V1.RecordArticleUseResponse();
    }

    private static string? Blank(string value) => value.Length == 0 ? null : value;
}

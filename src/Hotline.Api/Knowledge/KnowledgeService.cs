using Google.Protobuf.Reflection;
using Hotline.Api.Grpc;
using Hotline.Search;
using Hotline.Search.Engine;
using V1 = Hotline.Api.V1;

namespace Hotline.Api.Knowledge;

/// <summary>
/// hotline.v1.Knowledge: the knowledge base agents search while the caller is on the line. Any staff
/// member may read; editors and supervisors may edit, and the edit is recorded under their staff id.
/// Field checks live in the library (<see cref="SearchInputException"/> names the field at fault).
/// </summary>
internal sealed class KnowledgeService(KnowledgeBase knowledgeBase) : IGrpcService
{
    public ServiceDescriptor Descriptor => HotlineServiceDescriptors.Knowledge;

    public void Bind(ServiceBinder binder)
    {
        binder.Unary<V1.SearchArticlesRequest, V1.SearchArticlesResponse>("Search", SearchAsync);
        binder.Unary<V1.GetArticleRequest, V1.KnowledgeArticle>("GetArticle", GetArticleAsync);
        binder.Unary<V1.SuggestTitlesRequest, V1.SuggestTitlesResponse>("Suggest", SuggestAsync);
        binder.Unary<V1.UpsertArticleRequest, V1.KnowledgeArticle>("UpsertArticle", UpsertArticleAsync);
        binder.Unary<V1.DeleteArticleRequest, V1.DeleteArticleResponse>("DeleteArticle", DeleteArticleAsync);
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

    private static string? Blank(string value) => value.Length == 0 ? null : value;
}

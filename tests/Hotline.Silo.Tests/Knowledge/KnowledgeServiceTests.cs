using Grpc.Core;
using Hotline.Api.V1;

namespace Hotline.Silo.Tests.Knowledge;

/// <summary>hotline.v1.Knowledge over real gRPC against the running host and its demo knowledge base.</summary>
public sealed class KnowledgeServiceTests(KnowledgeHostFixture fixture) : IClassFixture<KnowledgeHostFixture>
{
    private const string SearchPath = "/hotline.v1.Knowledge/Search";
    private const string UpsertPath = "/hotline.v1.Knowledge/UpsertArticle";

    [Fact]
    public async Task Search_ColloquialQuery_RanksReplacementArticleFirst()
    {
        var (status, message, response) = await fixture.Client.UnaryAsync(
            SearchPath, new SearchArticlesRequest { Query = "社保卡丢了怎么补办" }, SearchArticlesResponse.Parser, fixture.AgentToken);

        Assert.True(status == 0, message);
        var top = response!.Hits[0];
        Assert.Contains("社会保障卡", top.Title);
        Assert.Contains("补", top.Title);
        Assert.NotEmpty(top.Snippet.Text);
        Assert.True(response.Total >= response.Hits.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task Search_EmptyOrHugeQuery_InvalidArgumentNamingQuery(string? query)
    {
        var request = new SearchArticlesRequest { Query = query ?? new string('办', 1_000_000) };

        var (status, message, _) = await fixture.Client.UnaryAsync(SearchPath, request, SearchArticlesResponse.Parser, fixture.AgentToken);

        Assert.Equal(StatusCode.InvalidArgument, (StatusCode)status);
        Assert.StartsWith("query", message);
    }

    [Fact]
    public async Task Search_DepartmentCaller_PermissionDenied()
    {
        var (status, _, _) = await fixture.Client.UnaryAsync(
            SearchPath, new SearchArticlesRequest { Query = "社保卡" }, SearchArticlesResponse.Parser, fixture.DepartmentToken);

        Assert.Equal(StatusCode.PermissionDenied, (StatusCode)status);
    }

    [Fact]
    public async Task GetArticle_Unknown_NotFound()
    {
        var (status, message, _) = await fixture.Client.UnaryAsync(
            "/hotline.v1.Knowledge/GetArticle", new GetArticleRequest { ArticleId = "KB-NOPE-404" }, KnowledgeArticle.Parser, fixture.AgentToken);

        Assert.Equal(StatusCode.NotFound, (StatusCode)status);
        Assert.Contains("KB-NOPE-404", message);
    }

    [Fact]
    public async Task GetArticle_Known_ReturnsSectionsAndHistory()
    {
        var (status, message, article) = await fixture.Client.UnaryAsync(
            "/hotline.v1.Knowledge/GetArticle", new GetArticleRequest { ArticleId = "KB-0003" }, KnowledgeArticle.Parser, fixture.AgentToken);

        Assert.True(status == 0, message);
        Assert.Equal("社会保障卡挂失与补换卡", article!.Title);
        Assert.NotEmpty(article.Sections);
        Assert.NotEmpty(article.History);
    }

    [Fact]
    public async Task Suggest_TypedPrefix_OffersMatchingTitles()
    {
        var (status, message, response) = await fixture.Client.UnaryAsync(
            "/hotline.v1.Knowledge/Suggest", new SuggestTitlesRequest { Prefix = "社会保障卡" }, SuggestTitlesResponse.Parser, fixture.AgentToken);

        Assert.True(status == 0, message);
        Assert.Contains(response!.Suggestions, s => s.ArticleId == "KB-0003");
    }

    [Fact]
    public async Task UpsertArticle_Agent_PermissionDenied()
    {
        var (status, _, _) = await fixture.Client.UnaryAsync(UpsertPath, Draft("KB-T-AGENT"), KnowledgeArticle.Parser, fixture.AgentToken);

        Assert.Equal(StatusCode.PermissionDenied, (StatusCode)status);
    }

    [Fact]
    public async Task UpsertArticle_Editor_IsSearchableAndRecordsEditor()
    {
        var (status, message, saved) = await fixture.Client.UnaryAsync(UpsertPath, Draft("KB-T-EDIT"), KnowledgeArticle.Parser, fixture.EditorToken);
        var (_, _, found) = await fixture.Client.UnaryAsync(
            SearchPath, new SearchArticlesRequest { Query = "共享单车押金怎么退" }, SearchArticlesResponse.Parser, fixture.AgentToken);

        Assert.True(status == 0, message);
        Assert.Equal("editor-7", Assert.Single(saved!.History).Editor);
        Assert.Equal("KB-T-EDIT", found!.Hits[0].ArticleId);
    }

    [Fact]
    public async Task UpsertArticle_BadDate_InvalidArgumentNamingUpdated()
    {
        var draft = Draft("KB-T-DATE");
        draft.Updated = "22/11/2026";

        var (status, message, _) = await fixture.Client.UnaryAsync(UpsertPath, draft, KnowledgeArticle.Parser, fixture.EditorToken);

        Assert.Equal(StatusCode.InvalidArgument, (StatusCode)status);
        Assert.StartsWith("updated", message);
    }

    [Fact]
    public async Task DeleteArticle_EditorTwice_SecondIsNotFound()
    {
        await fixture.Client.UnaryAsync(UpsertPath, Draft("KB-T-DEL"), KnowledgeArticle.Parser, fixture.EditorToken);
        var request = new DeleteArticleRequest { ArticleId = "KB-T-DEL" };

        var first = await fixture.Client.UnaryAsync("/hotline.v1.Knowledge/DeleteArticle", request, DeleteArticleResponse.Parser, fixture.EditorToken);
        var second = await fixture.Client.UnaryAsync("/hotline.v1.Knowledge/DeleteArticle", request, DeleteArticleResponse.Parser, fixture.EditorToken);

        Assert.True(first.Response!.Deleted);
        Assert.Equal(StatusCode.NotFound, (StatusCode)second.Status);
    }

    private static UpsertArticleRequest Draft(string id) => new()
    {
        ArticleId = id,
        Title = "共享单车押金退还办理指南",
        Category = "交通出行",
        Department = "jtw",
        Keywords = { "共享单车", "押金", "退押金" },
        AppliesTo = "个人",
        Content = "## 办理流程\n在运营企业的应用内申请退还押金；超过七个工作日未到账的，可向交通运输部门反映。",
    };
}

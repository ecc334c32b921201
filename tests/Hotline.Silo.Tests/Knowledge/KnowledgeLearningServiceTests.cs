using Grpc.Core;
using Hotline.Api.V1;

namespace Hotline.Silo.Tests.Knowledge;

/// <summary>The lexicon edits and article-use evidence of hotline.v1.Knowledge over real gRPC against the running host.</summary>
public sealed class KnowledgeLearningServiceTests(KnowledgeHostFixture fixture) : IClassFixture<KnowledgeHostFixture>
{
    private const string UpsertPath = "/hotline.v1.Knowledge/UpsertLexiconEntries";
    private const string DeletePath = "/hotline.v1.Knowledge/DeleteLexiconEntries";
    private const string UsePath = "/hotline.v1.Knowledge/RecordArticleUse";

    [Fact]
    public async Task UpsertLexiconEntries_Editor_ExpandsLaterSearches()
    {
        var request = new UpsertLexiconEntriesRequest();
        request.Entries.Add(new LexiconEntry { Colloquial = "蹭不上网办事", Official = "统一身份认证" });

        var (status, message, response) = await fixture.Client.UnaryAsync(UpsertPath, request, UpsertLexiconEntriesResponse.Parser, fixture.EditorToken);
        var (_, _, found) = await fixture.Client.UnaryAsync(
            "/hotline.v1.Knowledge/Search", new SearchArticlesRequest { Query = "蹭不上网办事" }, SearchArticlesResponse.Parser, fixture.AgentToken);

        Assert.True(status == 0, message);
        Assert.Equal(1, response!.Upserted);
        Assert.True(response.TotalEntries > 3000);
        Assert.Equal("KB-0082", found!.Hits[0].ArticleId);
    }

    [Fact]
    public async Task UpsertLexiconEntries_Agent_PermissionDenied()
    {
        var request = new UpsertLexiconEntriesRequest();
        request.Entries.Add(new LexiconEntry { Colloquial = "车被贴条", Official = "违法停车处理" });

        var (status, _, _) = await fixture.Client.UnaryAsync(UpsertPath, request, UpsertLexiconEntriesResponse.Parser, fixture.AgentToken);

        Assert.Equal(StatusCode.PermissionDenied, (StatusCode)status);
    }

    [Fact]
    public async Task UpsertLexiconEntries_OneCharacterOfficial_InvalidArgumentNamingIt()
    {
        var request = new UpsertLexiconEntriesRequest();
        request.Entries.Add(new LexiconEntry { Colloquial = "车被贴条", Official = "违法停车处理" });
        request.Entries.Add(new LexiconEntry { Colloquial = "贴罚单", Official = "罚" });

        var (status, message, _) = await fixture.Client.UnaryAsync(UpsertPath, request, UpsertLexiconEntriesResponse.Parser, fixture.EditorToken);

        Assert.Equal(StatusCode.InvalidArgument, (StatusCode)status);
        Assert.StartsWith("entries[1].official", message);
    }

    [Fact]
    public async Task DeleteLexiconEntries_EditorTwice_SecondDeletesNothing()
    {
        var request = new DeleteLexiconEntriesRequest();
        request.Entries.Add(new LexiconPair { Colloquial = "社报卡", Official = "社会保障卡" });

        var first = await fixture.Client.UnaryAsync(DeletePath, request, DeleteLexiconEntriesResponse.Parser, fixture.EditorToken);
        var second = await fixture.Client.UnaryAsync(DeletePath, request, DeleteLexiconEntriesResponse.Parser, fixture.EditorToken);

        Assert.True(first.Status == 0, first.Message);
        Assert.Equal(1, first.Response!.Deleted);
        Assert.Equal(0, second.Response!.Deleted);
    }

    [Fact]
    public async Task RecordArticleUse_Agent_Accepted()
    {
        var request = new RecordArticleUseRequest
        {
            TicketId = "T-GRPC-1", TicketText = "家门口共享单车堆成山没法走路", ArticleId = "KB-0062", Kind = ArticleUseKind.Attached,
        };

        var (status, message, _) = await fixture.Client.UnaryAsync(UsePath, request, RecordArticleUseResponse.Parser, fixture.AgentToken);

        Assert.True(status == 0, message);
    }

    [Fact]
    public async Task RecordArticleUse_NoKind_InvalidArgumentNamingKind()
    {
        var request = new RecordArticleUseRequest { TicketId = "T-GRPC-2", TicketText = "停水了", ArticleId = "KB-0035" };

        var (status, message, _) = await fixture.Client.UnaryAsync(UsePath, request, RecordArticleUseResponse.Parser, fixture.AgentToken);

        Assert.Equal(StatusCode.InvalidArgument, (StatusCode)status);
        Assert.StartsWith("kind", message);
    }
}

using Grpc.Core;
using Hotline.Api.V1;
using Hotline.Contracts.Security;
using Hotline.Silo.Storage;
using Hotline.Silo.Tests.EndToEnd;
using Hotline.Silo.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Silo.Tests.Knowledge;

/// <summary>HotlineDesk.SuggestDepartments and FindSimilarTickets over real gRPC, fed by tickets made through CreateTicket.</summary>
public sealed class TicketAdviceTests(KnowledgeHostFixture fixture) : IClassFixture<KnowledgeHostFixture>
{
    private const string SimilarPath = "/hotline.v1.HotlineDesk/FindSimilarTickets";
    private const string Leak = "河西区馨悦家园小区8号楼地下车库顶棚漏水，水滴到车上，物业一直不来维修";

    [Fact]
    public async Task SuggestDepartments_SocialSecurityCardText_SuggestsLabourBureauWithEvidence()
    {
        var request = new SuggestDepartmentsRequest
        {
            Content = "市民来电说社保卡丢了，想问补办社保卡需要带什么材料，多久能拿到新卡",
            Category = Category.Consultation,
            District = "南开区",
        };

        var (status, message, response) = await fixture.Client.UnaryAsync(
            "/hotline.v1.HotlineDesk/SuggestDepartments", request, SuggestDepartmentsResponse.Parser, fixture.AgentToken);

        Assert.True(status == 0, message);
        var top = response!.Suggestions[0];
        Assert.Equal("rsj", top.DepartmentId);
        Assert.Equal("市人社局", top.Name);
        Assert.NotEmpty(top.Evidence);
        Assert.All(top.Evidence, e => Assert.Contains(e.Kind, new[] { "similar_ticket", "article", "rule" }));
    }

    [Theory]
    [InlineData("", 0, "content")]
    [InlineData("社保卡补办", 11, "limit")]
    public async Task SuggestDepartments_BadField_InvalidArgumentNamingIt(string content, int limit, string field)
    {
        var request = new SuggestDepartmentsRequest { Content = content, Limit = limit };

        var (status, message, _) = await fixture.Client.UnaryAsync(
            "/hotline.v1.HotlineDesk/SuggestDepartments", request, SuggestDepartmentsResponse.Parser, fixture.AgentToken);

        Assert.Equal(StatusCode.InvalidArgument, (StatusCode)status);
        Assert.Contains(field == "content" ? "text" : field, message);
    }

    [Fact]
    public async Task FindSimilarTickets_DepartmentCaller_PermissionDenied()
    {
        var (status, _, _) = await fixture.Client.UnaryAsync(
            SimilarPath, new FindSimilarTicketsRequest { Content = Leak }, FindSimilarTicketsResponse.Parser, fixture.DepartmentToken);

        Assert.Equal(StatusCode.PermissionDenied, (StatusCode)status);
    }

    [Fact]
    public async Task FindSimilarTickets_OpenTicketSamePlace_FoundUntilMerged()
    {
        var first = await CreateAsync(fixture.Client, fixture.AgentToken, Leak);
        var second = await CreateAsync(fixture.Client, fixture.AgentToken, "馨悦家园8号楼地下车库漏水好几天了，物业不管，车都被泡了");
        var query = new FindSimilarTicketsRequest { TicketId = second.TicketId, Content = second.Content, District = "河西区", Address = second.Address };

        var before = await fixture.Client.UnaryAsync(SimilarPath, query, FindSimilarTicketsResponse.Parser, fixture.AgentToken);
        var merged = await fixture.Client.UnaryAsync(
            "/hotline.v1.HotlineDesk/MergeTickets",
            new MergeTicketsRequest { TicketId = first.TicketId, ParentTicketId = second.TicketId, Reason = "同一车库漏水" },
            Ticket.Parser,
            fixture.AgentToken);
        var after = await fixture.Client.UnaryAsync(SimilarPath, query, FindSimilarTicketsResponse.Parser, fixture.AgentToken);

        Assert.True(before.Status == 0, before.Message);
        var hit = Assert.Single(before.Response!.Similar, s => s.TicketId == first.TicketId);
        Assert.True(hit.SamePlace);
        Assert.Equal(Leak, hit.Ticket.Content);
        Assert.DoesNotContain(before.Response.Similar, s => s.TicketId == second.TicketId);
        Assert.True(merged.Status == 0, merged.Message);
        Assert.DoesNotContain(after.Response!.Similar, s => s.TicketId == first.TicketId);
    }

    [Fact]
    public async Task FindSimilarTickets_AfterRestart_RebuiltFromStore()
    {
        var dataDir = RunningHost.NewDataDir();
        string id;
        await using (var host = await RunningHost.StartAsync(loadDemo: true, dataDir: Path.Combine(dataDir, "keep")))
        {
            using var client = new GrpcTestClient(host.GrpcBase);
            id = (await CreateAsync(client, await AgentTokenAsync(host, "a1"), Leak)).TicketId;
            CopyDirectory(host.DataDir, dataDir);
        }

        await using var restarted = await RunningHost.StartAsync(loadDemo: true, dataDir: dataDir);
        using var again = new GrpcTestClient(restarted.GrpcBase);
        var (status, message, response) = await again.UnaryAsync(
            SimilarPath, new FindSimilarTicketsRequest { Content = Leak }, FindSimilarTicketsResponse.Parser, await AgentTokenAsync(restarted, "a2"));

        Assert.True(status == 0, message);
        Assert.Contains(response!.Similar, s => s.TicketId == id);
    }

    [Fact]
    public async Task SuggestDepartments_AfterTicketClosedWithReply_CitesItAsEvidence()
    {
        const string Text = "青松里菜市场东门的熟食摊位卖过期的酱牛肉，包装上生产日期被涂改，已经有人吃坏肚子";
        var suggest = new SuggestDepartmentsRequest { Content = Text, Category = Category.Complaint, District = "河西区", Limit = 5 };
        var ticket = await CreateAsync(fixture.Client, fixture.AgentToken, Text);
        var id = ticket.TicketId;

        var whileOpen = await SuggestAsync(suggest);
        await StepAsync("/hotline.v1.HotlineDesk/DispatchTicket", new DispatchTicketRequest { TicketId = id, DepartmentId = "scjg" }, fixture.AgentToken);
        await StepAsync("/hotline.v1.DepartmentDesk/ClaimTicket", new ClaimTicketRequest { TicketId = id }, fixture.DepartmentToken);
        await StepAsync("/hotline.v1.DepartmentDesk/ResolveTicket", new ResolveTicketRequest { TicketId = id, Reply = "已查处该摊位" }, fixture.DepartmentToken);
        await StepAsync("/hotline.v1.HotlineDesk/ReviewReply", new ReviewReplyRequest { TicketId = id, Approve = true }, fixture.AgentToken);
        var closed = await StepAsync(
            "/hotline.v1.HotlineDesk/RecordCallback", new RecordCallbackRequest { TicketId = id, Satisfaction = Satisfaction.Satisfied }, fixture.AgentToken);
        var afterClose = await SuggestAsync(suggest);

        Assert.Equal(TicketState.Closed, closed.State);
        Assert.DoesNotContain(whileOpen.Suggestions.SelectMany(s => s.Evidence), e => e.Reference == id);
        var learned = Assert.Single(afterClose.Suggestions, s => s.DepartmentId == "scjg");
        Assert.Contains(learned.Evidence, e => e.Kind == "similar_ticket" && e.Reference == id);
    }

    private async Task<SuggestDepartmentsResponse> SuggestAsync(SuggestDepartmentsRequest request)
    {
        var (status, message, response) = await fixture.Client.UnaryAsync(
            "/hotline.v1.HotlineDesk/SuggestDepartments", request, SuggestDepartmentsResponse.Parser, fixture.AgentToken);
        Assert.True(status == 0, message);
        return response!;
    }

    private async Task<Ticket> StepAsync(string path, Google.Protobuf.IMessage request, string token)
    {
        var (status, message, ticket) = await fixture.Client.UnaryAsync(path, request, Ticket.Parser, token);
        Assert.True(status == 0, $"{path}: {message}");
        return ticket!;
    }

    private static async Task<Ticket> CreateAsync(GrpcTestClient client, string token, string content)
    {
        var request = new CreateTicketRequest
        {
            CallerPhone = "13800001234",
            CallerName = "王女士",
            Category = Category.Complaint,
            District = "河西区",
            Address = "河西区馨悦家园小区8号楼",
            Content = content,
            Urgency = Urgency.Normal,
        };
        var (status, message, ticket) = await client.UnaryAsync("/hotline.v1.HotlineDesk/CreateTicket", request, Ticket.Parser, token);
        Assert.True(status == 0, message);
        return ticket!;
    }

    private static Task<string> AgentTokenAsync(RunningHost host, string staffId) =>
        host.App.Services.GetRequiredService<ITokenStore>().IssueAsync(new Caller(CallerKind.Staff, staffId, StaffRole.Agent), CancellationToken.None);

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}

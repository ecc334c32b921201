using Hotline.Search.Demo;
using Hotline.Search.Dispatch;
using Hotline.Search.Engine.Elasticsearch;
using Hotline.Search.Hosting;
using Hotline.Search.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hotline.Search.Tests.Dispatch;

public sealed class DispatchAdvisorTests : IClassFixture<DemoEngine>
{
    private readonly DemoEngine _demo;

    public DispatchAdvisorTests(DemoEngine demo) => _demo = demo;

    private DispatchAdvisor Trained(DispatchRuleTable? rules = null)
    {
        var advisor = new DispatchAdvisor(DemoCorpus.Departments(), rules ?? DispatchRuleTable.Default, _demo.Engine);
        advisor.Learn(DemoCorpus.Dispatches());
        return advisor;
    }

    [Theory]
    [InlineData("家里燃气灶打不着火，闻到一股煤气味，请燃气公司来看看", "投诉", "南开区", "rq")]
    [InlineData("社保卡丢了想补办，问需要带什么材料", "咨询", "河东区", "rsj")]
    [InlineData("小区物业把绿地改成停车场收费，业主没同意，请社区协调", "投诉", "河西区", "hx")]
    [InlineData("小区物业把绿地改成停车场收费，业主没同意，请社区协调", "投诉", "红桥区", "zjw")]
    public async Task SuggestAsync_TypicalTicket_NamesDepartmentInTopThree(string text, string category, string district, string expected)
    {
        var suggestions = await Trained().SuggestAsync(new DispatchQuery(text, category, district));

        Assert.Contains(expected, suggestions.Select(s => s.DepartmentId));
    }

    [Fact]
    public async Task SuggestAsync_Suggestions_CarryScoresAndEvidenceOfEachKind()
    {
        var suggestions = await Trained().SuggestAsync(new DispatchQuery("家里没水了，水表一直在转，自来水管是不是漏了", "求助", "河北区", 3));
        var top = suggestions[0];

        Assert.Equal("sw", top.DepartmentId);
        Assert.Equal("水务集团", top.DepartmentName);
        Assert.True(suggestions.Zip(suggestions.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.InRange(suggestions.Sum(s => s.Score), 0.01, 1.0001);
        Assert.Contains(top.Evidence, e => e.Kind == DispatchEvidenceKind.SimilarTicket && e.Reference.StartsWith("T-", StringComparison.Ordinal));
        Assert.Contains(top.Evidence, e => e.Kind == DispatchEvidenceKind.Rule);
        Assert.Contains(top.Evidence, e => e.Kind == DispatchEvidenceKind.Article && e.Reference == "KB-0035");
    }

    [Fact]
    public async Task SuggestAsync_DistrictGovernment_NeverSuggestedForAnotherDistrict()
    {
        var suggestions = await Trained().SuggestAsync(new DispatchQuery("和平区嘉陵里小区物业擅自涨物业费，业主不同意", "投诉", "南开区", 10));

        Assert.DoesNotContain(suggestions, s => s.DepartmentId == "hp");
    }

    [Fact]
    public async Task Learn_NewResolvedDispatches_ShiftSuggestion()
    {
        var advisor = new DispatchAdvisor(DemoCorpus.Departments(), DispatchRuleTable.Empty);
        const string text = "共享单车乱停乱放堵住了盲道";
        advisor.Learn(new DispatchRecord("X-1", "共享单车堆在人行道盲道上没人管", "投诉", "津南区", "jtw"));
        var before = (await advisor.SuggestAsync(new DispatchQuery(text)))[0].DepartmentId;

        advisor.Forget("X-1");
        advisor.Learn(new DispatchRecord("X-2", "共享单车堆在人行道盲道上没人管", "投诉", "津南区", "cgw"));
        var after = (await advisor.SuggestAsync(new DispatchQuery(text)))[0].DepartmentId;

        Assert.Equal("jtw", before);
        Assert.Equal("cgw", after);
        Assert.Equal(1, advisor.HistoryCount);
    }

    [Fact]
    public async Task SuggestAsync_RuleTable_AppliesOperatorRule()
    {
        var advisor = new DispatchAdvisor(DemoCorpus.Departments(), DispatchRuleTable.Parse("wlj: 蹦极 weight=3"));

        var top = (await advisor.SuggestAsync(new DispatchQuery("景区蹦极项目安全吗")))[0];

        Assert.Equal("wlj", top.DepartmentId);
        Assert.Equal("line 1", Assert.Single(top.Evidence).Reference);
    }

    public static TheoryData<string> BadTexts => new() { string.Empty, " ", new string('a', 5001), "a\u0000b" };

    [Theory]
    [MemberData(nameof(BadTexts))]
    public async Task SuggestAsync_BadText_ThrowsSearchInputException(string text)
    {
        await Assert.ThrowsAsync<SearchInputException>(() => Trained().SuggestAsync(new DispatchQuery(text)));
    }

    [Fact]
    public async Task SuggestAsync_NoHistoryNoRules_ReturnsEmptyNotError()
    {
        var advisor = new DispatchAdvisor(DemoCorpus.Departments(), DispatchRuleTable.Empty);

        Assert.Empty(await advisor.SuggestAsync(new DispatchQuery("😀😀")));
    }

    [Fact]
    public async Task SuggestAsync_KnowledgeBackendDown_StillSuggestsFromHistoryAndRules()
    {
        // A real Elasticsearch client aimed at a closed loopback port: connection refused.
        var options = new ElasticsearchOptions { Url = "http://127.0.0.1:9", TimeoutSeconds = 2 };
        var unreachable = new ElasticsearchEngine(ElasticsearchEngine.CreateClient(options), options, TimeProvider.System,
            NullLogger<ElasticsearchEngine>.Instance);
        var advisor = new DispatchAdvisor(DemoCorpus.Departments(), DispatchRuleTable.Default, unreachable);
        advisor.Learn(DemoCorpus.Dispatches());

        var top = (await advisor.SuggestAsync(new DispatchQuery("家里暖气不热，室温只有十四度", "投诉", "河西区")))[0];

        Assert.Equal("rl", top.DepartmentId);
        Assert.DoesNotContain(top.Evidence, e => e.Kind == DispatchEvidenceKind.Article);
        await Assert.ThrowsAsync<SearchBackendException>(() => unreachable.SearchAsync(new Hotline.Search.Engine.SearchRequest("暖气")));
    }
}

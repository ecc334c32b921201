using System.Text.Json;
using Hotline.Search.Analysis;
using Hotline.Search.Demo;
using Hotline.Search.Engine;
using Hotline.Search.Engine.Elasticsearch;

namespace Hotline.Search.Tests.Engine.Elasticsearch;

public sealed class ElasticsearchBodiesTests
{
    [Fact]
    public void Search_JsonInjectionInQuery_StaysOneStringValue()
    {
        const string hostile = "社保\"}},{\"match_all\":{}}]}} \\ \u2028";

        using var body = JsonDocument.Parse(ElasticsearchQueries.Search(new SearchRequest(hostile, Category: "x\"}"), SynonymTable.Empty));
        var should = body.RootElement.GetProperty("query").GetProperty("bool").GetProperty("should");

        Assert.Equal(1, should.GetArrayLength());
        Assert.Contains("match_all", should[0].GetProperty("multi_match").GetProperty("query").GetString(), StringComparison.Ordinal);
        Assert.Equal("x\"}", body.RootElement.GetProperty("query").GetProperty("bool").GetProperty("filter")[0].GetProperty("term").GetProperty("category").GetString());
    }

    [Fact]
    public void Search_SynonymsAndFillers_BecomeExtraClausesAndBlanks()
    {
        using var body = JsonDocument.Parse(ElasticsearchQueries.Search(new SearchRequest("请问社保卡丢了"), SynonymTable.Parse("社会保障卡 = 社保卡")));
        var should = body.RootElement.GetProperty("query").GetProperty("bool").GetProperty("should");

        Assert.Equal(2, should.GetArrayLength());
        Assert.DoesNotContain("请问", should[0].GetProperty("multi_match").GetProperty("query").GetString(), StringComparison.Ordinal);
        Assert.Equal("社会保障卡", should[1].GetProperty("multi_match").GetProperty("query").GetString());
    }

    [Fact]
    public void Suggest_WildcardCharactersInPrefix_AreEscaped()
    {
        using var body = JsonDocument.Parse(ElasticsearchQueries.Suggest("社保*?\\", 5));

        Assert.Equal("*社保\\*\\?\\\\*", body.RootElement.GetProperty("query").GetProperty("wildcard").GetProperty("title_folded").GetProperty("value").GetString());
    }

    [Fact]
    public void Bulk_Articles_AlternatesActionAndFoldedDocumentLines()
    {
        var articles = DemoCorpus.Articles().Take(3).ToList();

        var lines = ElasticsearchBodies.Text(ElasticsearchBodies.Bulk("hotline-kb-1", articles)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(6, lines.Length);
        using var action = JsonDocument.Parse(lines[0]);
        using var document = JsonDocument.Parse(lines[1]);
        Assert.Equal("KB-0001", action.RootElement.GetProperty("index").GetProperty("_id").GetString());
        Assert.Equal(articles[0].Content, document.RootElement.GetProperty("source").GetProperty("content").GetString());
        Assert.Contains("个人", document.RootElement.GetProperty("applies_to").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void SwapAlias_OldIndices_RemovedAndNewAddedInOneRequest()
    {
        using var body = JsonDocument.Parse(ElasticsearchBodies.SwapAlias("hotline-kb", "hotline-kb-2", ["hotline-kb-1"]));
        var actions = body.RootElement.GetProperty("actions");

        Assert.Equal("hotline-kb-1", actions[0].GetProperty("remove").GetProperty("index").GetString());
        Assert.Equal("hotline-kb-2", actions[1].GetProperty("add").GetProperty("index").GetString());
    }

    [Fact]
    public void IndexTemplate_DeclaresCjkAnalysisChain()
    {
        using var body = JsonDocument.Parse(ElasticsearchBodies.IndexTemplate("hotline-kb"));
        var analyzer = body.RootElement.GetProperty("template").GetProperty("settings").GetProperty("analysis").GetProperty("analyzer").GetProperty("hotline_cjk");

        Assert.Equal(["cjk_width", "lowercase", "cjk_bigram"], analyzer.GetProperty("filter").EnumerateArray().Select(e => e.GetString()));
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Hotline.Search.Analysis;
using Hotline.Search.Demo;
using Hotline.Search.Engine;
using Hotline.Search.Engine.Elasticsearch;
using Hotline.Search.Hosting;
using Hotline.Search.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hotline.Search.Tests.Engine.Elasticsearch;

/// <summary>
/// The engine on the official client against its in-memory transport: the requests it sends
/// (method, path, body) and how it reads answers, including errors.
/// </summary>
public sealed class ElasticsearchEngineTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 3, 4, 5, 678, TimeSpan.Zero);

    private static ElasticsearchEngine Create(ScriptedInvoker invoker, SynonymTable? synonyms = null)
    {
        var options = new ElasticsearchOptions { Url = "http://es.invalid:9200", Alias = "hotline-kb" };
        return new ElasticsearchEngine(ElasticsearchEngine.CreateClient(options, invoker), options, new FakeTimeProvider(Start),
            NullLogger<ElasticsearchEngine>.Instance)
        {
            Synonyms = synonyms ?? SynonymTable.Empty,
        };
    }

    private static string HitsAnswer(int total, params JsonObject[] hits) => new JsonObject
    {
        ["took"] = 1,
        ["timed_out"] = false,
        ["_shards"] = new JsonObject { ["total"] = 1, ["successful"] = 1, ["skipped"] = 0, ["failed"] = 0 },
        ["hits"] = new JsonObject
        {
            ["total"] = new JsonObject { ["value"] = total, ["relation"] = "eq" },
            ["max_score"] = 1.0,
            ["hits"] = new JsonArray(hits),
        },
    }.ToJsonString();

    private static JsonObject Hit(string id, string title, string content, double score, string? highlight = null)
    {
        var hit = new JsonObject
        {
            ["_index"] = "hotline-kb-1",
            ["_id"] = id,
            ["_score"] = score,
            ["_source"] = new JsonObject
            {
                ["source"] = new JsonObject
                {
                    ["id"] = id, ["title"] = title, ["category"] = "社会保障", ["department"] = "rsj",
                    ["keywords"] = new JsonArray("社保卡"), ["applies_to"] = "个人", ["content"] = content, ["updated"] = "2026-01-02",
                },
            },
        };
        if (highlight is not null)
        {
            hit["highlight"] = JsonNode.Parse(highlight);
        }

        return hit;
    }

    /// <summary>The client writes a one-element list as the element itself; Elasticsearch reads both.</summary>
    private static IReadOnlyList<JsonElement> Items(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().ToList() : [element];

    /// <summary>A term filter's value, in the long (<c>{"value": …}</c>) or short form.</summary>
    private static string? Term(JsonElement filter, string field)
    {
        var term = filter.GetProperty("term").GetProperty(field);
        return term.ValueKind == JsonValueKind.Object ? term.GetProperty("value").GetString() : term.GetString();
    }

    [Fact]
    public async Task RebuildAsync_ExistingAlias_SendsTemplateIndexBulkRefreshAtomicSwapAndDropsOldIndex()
    {
        var invoker = new ScriptedInvoker(r => r.Method == "GET" && r.Path == "/_alias/hotline-kb"
            ? (200, """{"hotline-kb-20261201000000000":{"aliases":{"hotline-kb":{"is_write_index":true}}}}""")
            : r.Path == "/_bulk" || r.Path.EndsWith("/_bulk", StringComparison.Ordinal) ? (200, """{"took":3,"errors":false,"items":[]}""")
            : (200, """{"acknowledged":true}"""));
        var articles = DemoCorpus.Articles().Take(3).ToList();

        await Create(invoker).RebuildAsync(articles);

        const string index = "hotline-kb-20261207030405678";
        Assert.Equal(
            ["PUT /_index_template/hotline-kb", "PUT /" + index, "POST /" + index + "/_bulk", "POST /" + index + "/_refresh",
                "GET /_alias/hotline-kb", "POST /_aliases", "DELETE /hotline-kb-20261201000000000"],
            invoker.Requests.Select(r => r.Method + " " + r.Path));
        using var swap = invoker.Requests[5].Json();
        var actions = swap.RootElement.GetProperty("actions");
        Assert.Equal(2, actions.GetArrayLength());
        Assert.Equal("hotline-kb-20261201000000000", actions[0].GetProperty("remove").GetProperty("index").GetString());
        Assert.Equal(index, actions[1].GetProperty("add").GetProperty("index").GetString());
        Assert.Equal("hotline-kb", actions[1].GetProperty("add").GetProperty("alias").GetString());
    }

    [Fact]
    public async Task RebuildAsync_Template_DeclaresCjkChainAndMapping()
    {
        var invoker = new ScriptedInvoker(r => r.Path.EndsWith("/_bulk", StringComparison.Ordinal)
            ? (200, """{"took":3,"errors":false,"items":[]}""")
            : r.Path.StartsWith("/_alias/", StringComparison.Ordinal) ? (404, """{"error":"alias [hotline-kb] missing","status":404}""")
            : (200, """{"acknowledged":true}"""));

        await Create(invoker).RebuildAsync(DemoCorpus.Articles().Take(1).ToList());

        using var template = invoker.Requests[0].Json();
        var root = template.RootElement;
        Assert.Equal(["hotline-kb-*"], Items(root.GetProperty("index_patterns")).Select(e => e.GetString()));
        var settings = root.GetProperty("template").GetProperty("settings");
        var analyzer = settings.GetProperty("analysis").GetProperty("analyzer").GetProperty("hotline_cjk");
        Assert.Equal("custom", analyzer.GetProperty("type").GetString());
        Assert.Equal("standard", analyzer.GetProperty("tokenizer").GetString());
        Assert.Equal(["cjk_width", "lowercase", "cjk_bigram"], analyzer.GetProperty("filter").EnumerateArray().Select(e => e.GetString()));
        var properties = root.GetProperty("template").GetProperty("mappings").GetProperty("properties");
        Assert.Equal("hotline_cjk", properties.GetProperty("content").GetProperty("analyzer").GetString());
        Assert.Equal("keyword", properties.GetProperty("applies_to").GetProperty("type").GetString());
        Assert.False(properties.GetProperty("source").GetProperty("enabled").GetBoolean());
        // No alias yet: nothing to remove, the swap only adds.
        var swap = invoker.Requests.Single(r => r.Path == "/_aliases");
        using var body = swap.Json();
        Assert.Single(Items(body.RootElement.GetProperty("actions")));
        Assert.DoesNotContain(invoker.Requests, r => r.Method == "DELETE");
    }

    [Fact]
    public async Task RebuildAsync_Bulk_AlternatesActionAndFoldedDocumentLines()
    {
        var invoker = new ScriptedInvoker(r => r.Path.EndsWith("/_bulk", StringComparison.Ordinal)
            ? (200, """{"took":3,"errors":false,"items":[]}""")
            : (200, "{}"));
        var traditional = DemoCorpus.Articles()[0] with { Id = "KB-T1", Title = "社會保障卡補辦", Keywords = ["ＡＢＣ卡"], AppliesTo = "个人和企业" };

        await Create(invoker).RebuildAsync([traditional, .. DemoCorpus.Articles().Take(2)]);

        var lines = invoker.Requests.Single(r => r.Path.EndsWith("/_bulk", StringComparison.Ordinal)).Lines();
        Assert.Equal(6, lines.Count);
        Assert.Equal("KB-T1", lines[0].RootElement.GetProperty("index").GetProperty("_id").GetString());
        var document = lines[1].RootElement;
        Assert.Equal("社会保障卡补办", document.GetProperty("title").GetString());
        Assert.Equal("社会保障卡补办", document.GetProperty("title_folded").GetString());
        Assert.Equal("abc卡", document.GetProperty("keywords")[0].GetString());
        Assert.Equal(["个人和企业", "个人", "企业"], document.GetProperty("applies_to").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("社會保障卡補辦", document.GetProperty("source").GetProperty("title").GetString());
        Assert.Equal(traditional.Content, document.GetProperty("source").GetProperty("content").GetString());
    }

    [Fact]
    public async Task RebuildAsync_BulkItemErrors_ThrowsBackendExceptionAndKeepsAlias()
    {
        var invoker = new ScriptedInvoker(r => r.Path.EndsWith("/_bulk", StringComparison.Ordinal)
            ? (200, """{"took":3,"errors":true,"items":[{"index":{"_index":"x","_id":"KB-0001","status":400,"error":{"type":"mapper_parsing_exception","reason":"failed to parse field [title]"}}}]}""")
            : (200, "{}"));

        var error = await Assert.ThrowsAsync<SearchBackendException>(() => Create(invoker).RebuildAsync(DemoCorpus.Articles().Take(1).ToList()));

        Assert.True(error.Message.Contains("KB-0001", StringComparison.Ordinal), error.Message);
        Assert.Contains("failed to parse field", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(invoker.Requests, r => r.Path == "/_aliases");
    }

    [Fact]
    public async Task UpsertAndDelete_GoThroughAliasAndWaitForRefresh()
    {
        var invoker = new ScriptedInvoker(r => r.Method == "DELETE"
            ? (404, """{"_index":"hotline-kb-1","_id":"KB-404","result":"not_found"}""")
            : (201, """{"_index":"hotline-kb-1","_id":"KB/1","_version":1,"result":"created","_shards":{"total":1,"successful":1,"failed":0},"_seq_no":0,"_primary_term":1}"""));
        var engine = Create(invoker);

        await engine.UpsertAsync(DemoCorpus.Articles()[0] with { Id = "KB/1" });
        await engine.DeleteAsync("KB-404");

        Assert.Equal("PUT", invoker.Requests[0].Method);
        Assert.Equal("/hotline-kb/_doc/KB%2F1?refresh=wait_for", invoker.Requests[0].PathAndQuery);
        using var document = invoker.Requests[0].Json();
        Assert.Equal("KB/1", document.RootElement.GetProperty("source").GetProperty("id").GetString());
        Assert.Equal("DELETE /hotline-kb/_doc/KB-404?refresh=wait_for", invoker.Requests[1].ToString());
    }

    [Fact]
    public async Task SearchAsync_Request_HasBoostedFieldsFiltersHighlightAndOriginalSourceOnly()
    {
        var invoker = new ScriptedInvoker(_ => (200, HitsAnswer(0)));

        await Create(invoker, SynonymTable.Parse("社会保障卡 = 社保卡")).SearchAsync(
            new SearchRequest("请问社保卡丢了", Category: "社会保障", AppliesTo: "个人", Offset: 10, Limit: 5));

        var request = Assert.Single(invoker.Requests);
        Assert.Equal("POST /hotline-kb/_search", request.ToString());
        using var body = request.Json();
        var root = body.RootElement;
        Assert.Equal(10, root.GetProperty("from").GetInt32());
        Assert.Equal(5, root.GetProperty("size").GetInt32());
        Assert.True(root.GetProperty("track_total_hits").GetBoolean());
        Assert.Equal(["source"], Items(root.GetProperty("_source").GetProperty("includes")).Select(e => e.GetString()));
        var should = Items(root.GetProperty("query").GetProperty("bool").GetProperty("should"));
        Assert.Equal(2, should.Count);
        var first = should[0].GetProperty("multi_match");
        Assert.DoesNotContain("请问", first.GetProperty("query").GetString(), StringComparison.Ordinal);
        Assert.Equal(["title^4", "keywords^3", "content"], first.GetProperty("fields").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("most_fields", first.GetProperty("type").GetString());
        Assert.Equal("社会保障卡", should[1].GetProperty("multi_match").GetProperty("query").GetString());
        var filter = Items(root.GetProperty("query").GetProperty("bool").GetProperty("filter"));
        Assert.Equal(2, filter.Count);
        Assert.Equal("社会保障", Term(filter[0], "category"));
        Assert.Equal("个人", Term(filter[1], "applies_to"));
        var highlight = root.GetProperty("highlight");
        Assert.Equal(0, highlight.GetProperty("number_of_fragments").GetInt32());
        Assert.Equal(["\u0001"], Items(highlight.GetProperty("pre_tags")).Select(e => e.GetString()));
        Assert.Contains(Items(highlight.GetProperty("fields")), f => f.TryGetProperty("content", out _));
    }

    [Fact]
    public async Task SearchAsync_JsonInjectionInQuery_StaysOneStringValue()
    {
        const string hostile = "社保\"}},{\"match_all\":{}}]}} \\ \u2028";
        var invoker = new ScriptedInvoker(_ => (200, HitsAnswer(0)));

        await Create(invoker).SearchAsync(new SearchRequest(hostile, Category: "x\"}"));

        using var body = invoker.Requests[0].Json();
        var query = body.RootElement.GetProperty("query").GetProperty("bool");
        var should = Assert.Single(Items(query.GetProperty("should")));
        Assert.Contains("match_all", should.GetProperty("multi_match").GetProperty("query").GetString(), StringComparison.Ordinal);
        Assert.Equal("x\"}", Term(Assert.Single(Items(query.GetProperty("filter"))), "category"));
    }

    [Fact]
    public async Task SearchAsync_ServerHighlights_BecomeRangesOnOriginalText()
    {
        const string title = "社會保障卡補辦";
        const string content = "## 办理流程\n社保卡丢失后先挂失再补办。";
        var highlight = """{"title":["社会\u0001保障卡\u0002补办"],"content":["## 办理流程\n\u0001社保\u0002\u0001卡\u0002丢失后先挂失再补办。"]}""";
        var invoker = new ScriptedInvoker(_ => (200, HitsAnswer(37, Hit("KB-0003", title, content, 7.5, highlight))));

        var result = await Create(invoker).SearchAsync(new SearchRequest("社保卡丢了"));

        Assert.Equal(37, result.Total);
        var hit = Assert.Single(result.Hits);
        Assert.Equal("KB-0003", hit.ArticleId);
        Assert.Equal(7.5, hit.Score);
        Assert.Equal(title, hit.Title);
        Assert.Equal(new DateOnly(2026, 1, 2), hit.Updated);
        Assert.Equal("社會<b>保障卡</b>補辦", hit.TitleHighlight.ToMarked("<b>", "</b>"));
        Assert.Contains("<b>社保卡</b>丢失后", hit.Snippet.ToMarked("<b>", "</b>"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_HighlightNotOfStoredText_FallsBackToOwnHighlighting()
    {
        var invoker = new ScriptedInvoker(_ => (200, HitsAnswer(1,
            Hit("KB-0003", "社保卡补办", "社保卡丢失后补办。", 1.0, """{"title":["别的\u0001文本\u0002"]}"""))));

        var hit = (await Create(invoker).SearchAsync(new SearchRequest("社保卡"))).Hits[0];

        Assert.Contains("<b>", hit.TitleHighlight.ToMarked("<b>", "</b>"), StringComparison.Ordinal);
        Assert.StartsWith("<b>社保卡</b>", hit.Snippet.ToMarked("<b>", "</b>"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuggestAsync_WildcardEscapedAndPrefixMatchesFirst()
    {
        var invoker = new ScriptedInvoker(_ => (200, HitsAnswer(2,
            Hit("KB-0002", "补办社保卡", "x", 1.0), Hit("KB-0001", "社保卡挂失", "y", 1.0))));

        var suggestions = await Create(invoker).SuggestAsync("社保*?\\", 5);
        await Create(invoker).SuggestAsync("社保卡", 5);

        using var body = invoker.Requests[0].Json();
        Assert.Equal("*社保\\*\\?\\\\*", body.RootElement.GetProperty("query").GetProperty("wildcard").GetProperty("title_folded").GetProperty("value").GetString());
        Assert.Equal(5, body.RootElement.GetProperty("size").GetInt32());
        Assert.Empty(suggestions.SelectMany(s => s.Title.Highlights));
        var second = await Create(invoker).SuggestAsync("社保卡", 5);
        Assert.Equal(["KB-0001", "KB-0002"], second.Select(s => s.ArticleId));
        Assert.Equal(new TextRange(2, 3), second[1].Title.Highlights[0]);
    }

    [Fact]
    public async Task SearchAsync_ServerError_ThrowsBackendExceptionWithStatusAndReason()
    {
        var invoker = new ScriptedInvoker(_ => (400,
            """{"error":{"root_cause":[],"type":"search_phase_execution_exception","reason":"all shards failed"},"status":400}"""));

        var error = await Assert.ThrowsAsync<SearchBackendException>(() => Create(invoker).SearchAsync(new SearchRequest("社保卡")));

        Assert.Contains("400", error.Message, StringComparison.Ordinal);
        Assert.Contains("all shards failed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_UnreadableAnswer_ThrowsBackendException()
    {
        var invoker = new ScriptedInvoker(_ => (200, "<html>proxy error</html>"));

        await Assert.ThrowsAsync<SearchBackendException>(() => Create(invoker).SearchAsync(new SearchRequest("社保卡")));
    }

    [Fact]
    public async Task SearchAsync_SomethingElseOnThePort_ThrowsBackendException()
    {
        var invoker = new ScriptedInvoker(_ => (502, "<html>bad gateway</html>"), asElasticsearch: false);

        var error = await Assert.ThrowsAsync<SearchBackendException>(() => Create(invoker).SearchAsync(new SearchRequest("社保卡")));

        Assert.Contains("search", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_ServerBackAfterRefusedConnection_Succeeds()
    {
        var calls = 0;
        var invoker = new ScriptedInvoker(_ => Interlocked.Increment(ref calls) == 1
            ? (ScriptedInvoker.Refused, string.Empty)
            : (200, HitsAnswer(1, Hit("KB-0003", "社保卡补办", "社保卡丢失后补办。", 1.0))));
        var engine = Create(invoker);

        var refused = await Assert.ThrowsAsync<SearchBackendException>(() => engine.SearchAsync(new SearchRequest("社保卡")));
        var result = await engine.SearchAsync(new SearchRequest("社保卡"));

        Assert.Contains("Connection refused", refused.Message, StringComparison.Ordinal);
        Assert.Equal("KB-0003", Assert.Single(result.Hits).ArticleId);
    }

    [Fact]
    public async Task SearchAsync_ClosedPort_ThrowsBackendExceptionNamingTheCall()
    {
        var options = new ElasticsearchOptions { Url = ClosedPort.Url(), TimeoutSeconds = 5 };
        var engine = new ElasticsearchEngine(ElasticsearchEngine.CreateClient(options), options, TimeProvider.System, NullLogger<ElasticsearchEngine>.Instance);

        var search = await Assert.ThrowsAsync<SearchBackendException>(() => engine.SearchAsync(new SearchRequest("社保卡")));
        var rebuild = await Assert.ThrowsAsync<SearchBackendException>(() => engine.RebuildAsync(DemoCorpus.Articles()));

        Assert.Contains("search", search.Message, StringComparison.Ordinal);
        Assert.Contains("index template", rebuild.Message, StringComparison.Ordinal);
    }
}

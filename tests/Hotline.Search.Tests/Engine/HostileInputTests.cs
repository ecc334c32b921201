using Hotline.Search.Engine;
using Hotline.Search.Engine.Embedded;
using Hotline.Search.Tests.Support;

namespace Hotline.Search.Tests.Engine;

public sealed class HostileInputTests : IClassFixture<DemoEngine>
{
    private readonly EmbeddedSearchEngine _engine;

    public HostileInputTests(DemoEngine demo) => _engine = demo.Engine;

    public static TheoryData<string, string> RejectedQueries => new()
    {
        { string.Empty, "query: is empty" },
        { "   \t ", "query: is empty" },
        { new string('社', 1_000_000), "query: is longer than 1000 characters" },
        { "社保\u0000卡", "query: contains binary or control characters" },
        { "\uD800社保", "query: contains binary or control characters" },
        { "\uFFFD\uFFFD", "query: contains binary or control characters" },
    };

    [Theory]
    [MemberData(nameof(RejectedQueries))]
    public void Search_InvalidQuery_ThrowsSearchInputException(string query, string message)
    {
        var error = Assert.Throws<SearchInputException>(() => _engine.Search(new SearchRequest(query)));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(101, 0)]
    [InlineData(10, -1)]
    [InlineData(10, 10_001)]
    public void Search_PagingOutOfRange_ThrowsSearchInputException(int limit, int offset)
    {
        Assert.Throws<SearchInputException>(() => _engine.Search(new SearchRequest("社保", Offset: offset, Limit: limit)));
    }

    [Theory]
    [InlineData("社保卡\" OR 1=1 --")]
    [InlineData("title:社保* AND NOT content:x")]
    [InlineData("{\"query\":{\"match_all\":{}}}")]
    [InlineData("社保 NEAR(卡 丢) ^2 ~3")]
    public void Search_InjectionSyntax_IsLiteralAndMatchesLikeTheWords(string query)
    {
        var result = _engine.Search(new SearchRequest(query, Limit: 100));

        // The syntax is not obeyed: no match-all; hits are only articles sharing words with the query.
        Assert.True(result.Total < 90);
    }

    [Theory]
    [InlineData("😀😀😀")]
    [InlineData("！？。")]
    [InlineData("\u200B\u200D\u202E")]
    [InlineData("\u0301\u0301a")]
    public void Search_OddUnicode_ReturnsWithoutCrashing(string query)
    {
        var result = _engine.Search(new SearchRequest(query));

        Assert.True(result.Total >= 0);
    }

    [Fact]
    public void Search_LongestAllowedQuery_Completes()
    {
        var query = string.Concat(Enumerable.Repeat("社保卡丢了怎么补办公积金", 100))[..SearchRequestRules.MaxQueryLength];

        Assert.NotEmpty(_engine.Search(new SearchRequest(query)).Hits);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\u0000")]
    public void Suggest_InvalidPrefix_ThrowsSearchInputException(string prefix)
    {
        Assert.Throws<SearchInputException>(() => _engine.Suggest(prefix));
    }

    [Fact]
    public void Suggest_OversizedPrefix_ThrowsSearchInputException()
    {
        Assert.Throws<SearchInputException>(() => _engine.Suggest(new string('a', 65)));
    }

    [Fact]
    public async Task Search_LargestAllowedArticle_IndexesAndSnipsShort()
    {
        using var engine = new EmbeddedSearchEngine();
        var article = Hotline.Search.Demo.DemoCorpus.Articles()[0] with
        {
            Id = "KB-BIG",
            Content = string.Concat(Enumerable.Repeat("重复的段落文字，", 12_400)) + "\n## 结尾\n蜂窝煤炉取暖注意通风。",
        };
        Assert.True(article.Content.Length <= Hotline.Search.Articles.ArticleRules.MaxContentLength);

        await engine.RebuildAsync([article]);
        var hit = engine.Search(new SearchRequest("重复段落")).Hits.Single();

        Assert.True(hit.Snippet.Text.Length <= 100);
        Assert.NotEmpty(hit.Snippet.Highlights);
    }
}

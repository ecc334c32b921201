using System.Text;
using Hotline.Search.Articles;
using Hotline.Search.Demo;

namespace Hotline.Search.Tests.Articles;

public sealed class ArticleJsonLinesTests
{
    private const string Good = """{"id":"KB-1","title":"标题","category":"分类","department":"rsj","keywords":["社保"],"applies_to":"个人","content":"## 一\n正文","updated":"2026-01-02"}""";

    [Fact]
    public void Parse_DemoCorpus_AllNinetyArticlesValid()
    {
        var batch = ArticleJsonLines.Parse(new StringReader(DemoCorpus.ArticlesJsonLines()));

        Assert.True(batch.IsValid, string.Join("; ", batch.Errors));
        Assert.Equal(90, batch.Drafts.Count);
    }

    [Fact]
    public void Parse_BadRecords_ReportsEachWithLineAndReason()
    {
        var text = string.Join('\n',
            Good,
            "{not json",
            """{"id":"KB-2","title":"t","category":"c","department":"d"}""",
            "",
            """{"id":"KB-1","title":"t","category":"c","department":"d","content":"x"}""",
            """{"id":"bad id!","title":"t","category":"c","department":"d","content":"x"}""",
            """{"id":"KB-3","title":"t","category":"c","department":"d","content":"x","updated":"yesterday"}""",
            """{"id":"KB-4","title":"t","category":"c","department":"d","content":"x","keywords":[1,2]}""",
            """[1,2,3]""");

        var batch = ArticleJsonLines.Parse(new StringReader(text));

        Assert.False(batch.IsValid);
        Assert.Equal([2, 3, 5, 6, 7, 8, 9], batch.Errors.Select(e => e.Line));
        Assert.Contains("invalid JSON", batch.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Contains("content", batch.Errors[1].Reason, StringComparison.Ordinal);
        Assert.Contains("duplicate id KB-1 (first on line 1)", batch.Errors[2].Reason, StringComparison.Ordinal);
        Assert.Contains("id must be", batch.Errors[3].Reason, StringComparison.Ordinal);
        Assert.Contains("yyyy-MM-dd", batch.Errors[4].Reason, StringComparison.Ordinal);
        Assert.Contains("keywords", batch.Errors[5].Reason, StringComparison.Ordinal);
        Assert.Contains("not a JSON object", batch.Errors[6].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BinaryContent_IsRejected()
    {
        var line = Good.Replace("正文", "\\u0000\\u0001binary", StringComparison.Ordinal);

        var batch = ArticleJsonLines.Parse(new StringReader(line));

        Assert.Contains("binary or control", Assert.Single(batch.Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LineOverOneMegabyte_IsReportedNotBuffered()
    {
        var huge = new string('x', ArticleJsonLines.MaxLineLength + 10);

        var batch = ArticleJsonLines.Parse(new StringReader(Good + "\n" + huge + "\n" + Good.Replace("KB-1", "KB-9", StringComparison.Ordinal)));

        Assert.Equal(2, Assert.Single(batch.Errors).Line);
        Assert.Equal(2, batch.Drafts.Count);
    }

    [Fact]
    public void Write_ThenParse_RoundTripsEveryField()
    {
        var articles = DemoCorpus.Articles();
        using var buffer = new MemoryStream();

        ArticleJsonLines.Write(articles, buffer);
        var batch = ArticleJsonLines.Parse(new StringReader(Encoding.UTF8.GetString(buffer.ToArray())));

        Assert.True(batch.IsValid);
        for (var i = 0; i < articles.Count; i++)
        {
            var expected = articles[i].ToDraft();
            var actual = batch.Drafts[i];
            Assert.Equal(expected.Id, actual.Id);
            Assert.Equal(expected.Content, actual.Content);
            Assert.Equal(expected.Keywords, actual.Keywords);
            Assert.Equal(expected.Updated, actual.Updated);
        }
    }
}

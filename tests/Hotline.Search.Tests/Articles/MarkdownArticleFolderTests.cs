using Hotline.Search.Articles;
using Hotline.Search.Demo;
using Hotline.Search.Tests.Support;

namespace Hotline.Search.Tests.Articles;

public sealed class MarkdownArticleFolderTests
{
    [Fact]
    public void Write_ThenParse_RoundTripsDemoCorpus()
    {
        using var folder = new TempDirectory();
        var articles = DemoCorpus.Articles();

        MarkdownArticleFolder.Write(articles, folder.Path);
        var batch = MarkdownArticleFolder.Parse(folder.Path);

        Assert.True(batch.IsValid, string.Join("; ", batch.Errors));
        Assert.Equal(articles.Select(a => a.Id), batch.Drafts.Select(d => d.Id));
        Assert.Equal(articles[0].Content, batch.Drafts[0].Content);
        Assert.Equal(articles[0].Keywords, batch.Drafts[0].Keywords);
        Assert.Equal(articles[0].Title, batch.Drafts[0].Title);
    }

    [Fact]
    public void Parse_BadFiles_ReportsFileLineAndReason()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(folder.File("a.md"), "no front matter\n");
        File.WriteAllText(folder.File("b.md"), "---\nid: KB-1\ntitle: t\nowner: me\n---\nbody");
        File.WriteAllText(folder.File("c.md"), "---\nid: KB-2\ntitle: t\ncategory: c\ndepartment: d\nkeywords: [oops\n---\nbody");
        File.WriteAllText(folder.File("d.md"), "---\nid: KB-3\ntitle: t\ncategory: c\ndepartment: d\n---\nbody");

        var batch = MarkdownArticleFolder.Parse(folder.Path);

        Assert.Equal(["a.md:1", "b.md:4", "c.md:6"], batch.Errors.Select(e => $"{e.Source}:{e.Line}"));
        Assert.Equal("KB-3", Assert.Single(batch.Drafts).Id);
    }
}

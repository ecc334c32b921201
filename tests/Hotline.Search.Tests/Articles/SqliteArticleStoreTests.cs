using Hotline.Search.Articles;
using Hotline.Search.Tests.Support;

namespace Hotline.Search.Tests.Articles;

public sealed class SqliteArticleStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static ArticleDraft Draft(string id, string title = "社会保障卡首次申领", string content = "## 办理\n携带身份证。") =>
        new(id, title, "社会保障", "rsj", ["社保卡"], "个人", content, new DateOnly(2026, 1, 15));

    [Fact]
    public void Upsert_ThenReopen_ArticleAndHistorySurvive()
    {
        using var folder = new TempDirectory();
        var time = new FakeTimeProvider(Start);
        var store = new SqliteArticleStore(folder.File("kb.db"), time);

        store.Upsert(Draft("KB-1"), "alice");
        time.Advance(TimeSpan.FromHours(2));
        store.Upsert(Draft("KB-1", content: "## 办理\n携带身份证和照片。"), "bob");
        var reopened = new SqliteArticleStore(folder.File("kb.db"), time).Get("KB-1");

        Assert.NotNull(reopened);
        Assert.Equal(2, reopened.Version);
        Assert.Equal("携带身份证和照片。", reopened.Sections[0].Body);
        Assert.Equal(["alice:created", "bob:content"], reopened.History.Select(h => $"{h.Editor}:{h.Summary}"));
        Assert.Equal(Start.AddHours(2), reopened.History[1].At);
    }

    [Fact]
    public void UpsertMany_OneInvalidDraft_WritesNothing()
    {
        using var folder = new TempDirectory();
        var store = new SqliteArticleStore(folder.File("kb.db"), new FakeTimeProvider(Start));

        Assert.Throws<SearchInputException>(() => store.UpsertMany([Draft("KB-1"), Draft("KB-2", title: "")], "alice"));

        Assert.Empty(store.LoadAll());
    }

    [Fact]
    public void Delete_ExistingArticle_RemovesItAndRecordsHistory()
    {
        using var folder = new TempDirectory();
        var store = new SqliteArticleStore(folder.File("kb.db"), new FakeTimeProvider(Start));
        store.Upsert(Draft("KB-1"), "alice");

        Assert.True(store.Delete("KB-1", "bob"));
        Assert.False(store.Delete("KB-1", "bob"));
        var recreated = store.Upsert(Draft("KB-1"), "carol");

        Assert.Null(new SqliteArticleStore(folder.File("kb.db"), new FakeTimeProvider(Start)).Get("KB-2"));
        Assert.Equal(3, recreated.Version);
        Assert.Equal(["created", "deleted", "created"], recreated.History.Select(h => h.Summary));
    }

    [Fact]
    public void Upsert_HostileText_IsStoredLiterally()
    {
        using var folder = new TempDirectory();
        var store = new SqliteArticleStore(folder.File("kb.db"), new FakeTimeProvider(Start));
        var title = "'); DROP TABLE articles; -- \"}{";

        store.Upsert(Draft("KB-1", title: title), "alice");

        Assert.Equal(title, store.Get("KB-1")!.Title);
        Assert.Single(store.LoadAll());
    }
}

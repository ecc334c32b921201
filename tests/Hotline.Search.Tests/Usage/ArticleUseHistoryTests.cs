using Hotline.Search.Usage;

namespace Hotline.Search.Tests.Usage;

public sealed class ArticleUseHistoryTests
{
    [Fact]
    public void Lift_QuestionLikeAPastTicket_LiftsTheArticleUsedOnIt()
    {
        var history = new ArticleUseHistory();
        history.Record(new ArticleUse("T-1", "楼上卫生间漏水把我家天花板泡了，墙皮都掉了", "KB-9001", ArticleUseKind.Attached));
        history.Record(new ArticleUse("T-2", "房东到期不退押金还扣钱", "KB-9002", ArticleUseKind.Attached));

        var lift = history.Lift("楼上漏水泡了我家天花板", 3);

        Assert.Equal("KB-9001", lift[0].ArticleId);
        Assert.DoesNotContain(lift, a => a.ArticleId == "KB-9002");
    }

    [Fact]
    public void Lift_OpenedOnly_CountsLessThanAttached()
    {
        var history = new ArticleUseHistory();
        history.Record(new ArticleUse("T-1", "车被贴条了怎么处理罚单", "KB-A", ArticleUseKind.Opened));
        history.Record(new ArticleUse("T-2", "车被贴条了怎么处理罚单", "KB-B", ArticleUseKind.Attached));

        var lift = history.Lift("车被贴条了", 5);

        Assert.Equal(["KB-B", "KB-A"], lift.Select(a => a.ArticleId));
        Assert.Equal(lift[0].Lift * ArticleUseHistory.OpenedShare, lift[1].Lift, 4);
    }

    [Fact]
    public void Forget_KnownTicket_RemovesItsEvidence()
    {
        var history = new ArticleUseHistory();
        history.Record(new ArticleUse("T-1", "社保卡丢了怎么补", "KB-0003", ArticleUseKind.Attached));

        Assert.True(history.Forget("T-1"));
        Assert.Empty(history.Lift("社保卡丢了", 3));
        Assert.False(history.Forget("T-1"));
    }

    [Theory]
    [InlineData("", "text", "KB-1", "ticket_id")]
    [InlineData("T-1", "", "KB-1", "ticket_text")]
    [InlineData("T-1", "bad\0text", "KB-1", "ticket_text")]
    [InlineData("T-1", "text", " ", "article_id")]
    public void Record_BadField_RaisesInputErrorNamingIt(string ticket, string text, string article, string field)
    {
        var history = new ArticleUseHistory();

        var error = Assert.Throws<SearchInputException>(() => history.Record(new ArticleUse(ticket, text, article, ArticleUseKind.Opened)));

        Assert.Equal(field, error.Field);
    }
}

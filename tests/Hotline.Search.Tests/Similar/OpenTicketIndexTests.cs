using Hotline.Search.Similar;

namespace Hotline.Search.Tests.Similar;

public sealed class OpenTicketIndexTests
{
    private static OpenTicketIndex Seeded()
    {
        var index = new OpenTicketIndex();
        index.Upsert(new OpenTicket("T-1", "河西区馨悦家园8号楼2门楼道灯坏了半个多月，物业一直不修", "投诉", "河西区"));
        index.Upsert(new OpenTicket("T-2", "河西区汇景苑小区楼道灯坏了，晚上很黑，物业不管", "投诉", "河西区"));
        index.Upsert(new OpenTicket("T-3", "南开区学府嘉园楼上装修噪音太大", "投诉", "南开区"));
        index.Upsert(new OpenTicket("T-4", "馨悦家园小区门口占道摆摊", "投诉", "河西区"));
        return index;
    }

    [Fact]
    public void FindSimilar_SameMatterSamePlace_RanksItFirstAndMarksSamePlace()
    {
        var similar = Seeded().FindSimilar(new SimilarTicketQuery("馨悦家园8号楼楼道灯不亮好久了，找物业没用", "河西区"));

        Assert.Equal("T-1", similar[0].TicketId);
        Assert.True(similar[0].SamePlace);
        Assert.Contains(similar[0].SharedPlaces, p => p.Contains("馨悦家园", StringComparison.Ordinal));
        Assert.True(similar.Count < 2 || !similar[1].SamePlace || similar[1].Score < similar[0].Score);
    }

    [Fact]
    public void FindSimilar_SameMatterOtherPlace_ScoresBelowSamePlace()
    {
        var similar = Seeded().FindSimilar(new SimilarTicketQuery("馨悦家园楼道灯坏了物业不修", "河西区", MinScore: 0));

        var samePlace = similar.Single(s => s.TicketId == "T-1");
        var otherPlace = similar.Single(s => s.TicketId == "T-2");
        Assert.True(samePlace.Score > otherPlace.Score);
        Assert.False(otherPlace.SamePlace);
    }

    [Fact]
    public void FindSimilar_OtherDistrict_IsExcluded()
    {
        var similar = Seeded().FindSimilar(new SimilarTicketQuery("学府嘉园楼上装修噪音太大", "河西区", MinScore: 0));

        Assert.DoesNotContain(similar, s => s.TicketId == "T-3");
    }

    [Fact]
    public void FindSimilar_ExcludeSelfAndRemovedTickets()
    {
        var index = Seeded();
        index.Remove("T-2");

        var similar = index.FindSimilar(new SimilarTicketQuery("河西区馨悦家园8号楼2门楼道灯坏了半个多月，物业一直不修", "河西区", ExcludeTicketId: "T-1", MinScore: 0));

        Assert.DoesNotContain(similar, s => s.TicketId is "T-1" or "T-2");
        Assert.Equal(3, index.Count);
    }

    [Fact]
    public void Upsert_ChangedText_ReplacesOldTerms()
    {
        var index = Seeded();
        index.Upsert(new OpenTicket("T-3", "南开区雅安里小区狗叫扰民", "投诉", "南开区"));

        Assert.Empty(index.FindSimilar(new SimilarTicketQuery("学府嘉园装修噪音", "南开区")));
        Assert.Equal("T-3", index.FindSimilar(new SimilarTicketQuery("雅安里狗叫", "南开区"))[0].TicketId);
    }

    [Fact]
    public void Upsert_SameTextOtherDistrict_MovesTheTicket()
    {
        var index = Seeded();
        index.Upsert(new OpenTicket("T-3", "南开区学府嘉园楼上装修噪音太大", "投诉", "南开区"));
        index.Upsert(new OpenTicket("T-3", "南开区学府嘉园楼上装修噪音太大", "投诉", "河西区"));

        Assert.Contains(index.FindSimilar(new SimilarTicketQuery("学府嘉园楼上装修噪音太大", "河西区", MinScore: 0)), s => s.TicketId == "T-3");
        Assert.DoesNotContain(index.FindSimilar(new SimilarTicketQuery("学府嘉园楼上装修噪音太大", "南开区", MinScore: 0)), s => s.TicketId == "T-3");
        Assert.Equal(4, index.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\u0000\u0001")]
    public void FindSimilar_BadText_ThrowsSearchInputException(string text)
    {
        Assert.Throws<SearchInputException>(() => Seeded().FindSimilar(new SimilarTicketQuery(text)));
    }

    [Fact]
    public void Upsert_OversizedText_ThrowsAndKeepsIndex()
    {
        var index = Seeded();

        Assert.Throws<SearchInputException>(() => index.Upsert(new OpenTicket("T-9", new string('水', 1_000_000), null, null)));
        Assert.Equal(4, index.Count);
    }
}

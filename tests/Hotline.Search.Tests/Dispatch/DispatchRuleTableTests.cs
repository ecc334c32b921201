using Hotline.Search.Dispatch;

namespace Hotline.Search.Tests.Dispatch;

public sealed class DispatchRuleTableTests
{
    [Fact]
    public void Parse_FullLine_ReadsEveryPart()
    {
        var rule = Assert.Single(DispatchRuleTable.Parse("# c\nhx: 物业 業主 category=投诉 district=河西区 weight=2.5").Rules);

        Assert.Equal("hx", rule.Department);
        Assert.Equal(["物业", "业主"], rule.Keywords);
        Assert.Equal("投诉", rule.Category);
        Assert.Equal("河西区", rule.District);
        Assert.Equal(2.5, rule.Weight);
        Assert.Equal("line 2", rule.Id);
    }

    [Fact]
    public void Match_DistrictMismatch_DoesNotApply()
    {
        var rule = DispatchRuleTable.Parse("hx: 物业 district=河西区").Rules[0];

        Assert.NotNull(rule.Match("物业不管事", null, "河西区"));
        Assert.Null(rule.Match("物业不管事", null, "南开区"));
        Assert.Null(rule.Match("楼道灯坏了", null, "河西区"));
    }

    [Theory]
    [InlineData("no colon here")]
    [InlineData("hx: 物业 weight=abc")]
    [InlineData("hx: weight=2")]
    [InlineData("hx: 物业\u0001")]
    public void Parse_MalformedLine_ThrowsNamingTheLine(string line)
    {
        var error = Assert.Throws<SearchInputException>(() => DispatchRuleTable.Parse("rq: 燃气\n" + line));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToText_Default_RoundTrips()
    {
        var text = DispatchRuleTable.Default.ToText();

        Assert.Equal(text, DispatchRuleTable.Parse(text).ToText());
        Assert.True(DispatchRuleTable.Default.Rules.Count > 30);
    }
}

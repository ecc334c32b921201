using Hotline.Search.Analysis;

namespace Hotline.Search.Tests.Analysis;

public sealed class SynonymTableTests
{
    [Fact]
    public void AlternativesIn_QueryWithMember_ReturnsOtherMembers()
    {
        var table = SynonymTable.Parse("社会保障卡 = 社保卡\n饭馆 = 餐饮店 = 饭店\n");

        Assert.Equal(["餐饮店", "饭店"], table.AlternativesIn("想开个饭馆").ToArray());
        Assert.Equal(["社会保障卡"], table.AlternativesIn("社保卡丢了").ToArray());
    }

    [Fact]
    public void Parse_TraditionalMember_IsFolded()
    {
        var table = SynonymTable.Parse("公積金 = 住房公積金");

        Assert.Equal(["住房公积金"], table.AlternativesIn("公积金").ToArray());
    }

    [Fact]
    public void ToText_ParsedTable_RoundTrips()
    {
        var table = SynonymTable.Parse("# comment\n社会保障卡 = 社保卡\n燃气 = 煤气 = 天然气\n");

        Assert.Equal(table.ToText(), SynonymTable.Parse(table.ToText()).ToText());
        Assert.Equal(2, table.Groups.Count);
    }

    [Theory]
    [InlineData("只有一个")]
    [InlineData("a = ")]
    [InlineData("a = b\u0000c")]
    public void Parse_MalformedLine_ThrowsWithLineNumber(string line)
    {
        var error = Assert.Throws<SearchInputException>(() => SynonymTable.Parse("社保 = 社会保险\n" + line));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_ContainsIssueExamples()
    {
        var table = SynonymTable.Default;

        Assert.Contains("社会保障卡", table.AlternativesIn("社保卡"));
        Assert.Contains("餐饮店", table.AlternativesIn("饭馆"));
        Assert.Contains("住房公积金", table.AlternativesIn("公积金"));
    }
}

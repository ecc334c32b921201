using Hotline.Search.Analysis;

namespace Hotline.Search.Tests.Analysis;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("ＡＰＰ１２３４５", "app12345")]
    [InlineData("駕駛證換證", "驾驶证换证")]
    [InlineData("社會保障卡", "社会保障卡")]
    [InlineData("住房公積金　提取", "住房公积金 提取")]
    [InlineData("PM2.5", "pm2.5")]
    public void Fold_MixedWidthAndScript_FoldsToSimplifiedHalfWidthLower(string input, string expected)
    {
        Assert.Equal(expected, TextFolding.Fold(input));
    }

    [Fact]
    public void Fold_AnyText_KeepsLength()
    {
        var text = "繁體字ＦＵＬＬ width 😀 混合";
        Assert.Equal(text.Length, TextFolding.Fold(text).Length);
    }
}

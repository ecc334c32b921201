using Hotline.Search.Analysis;

namespace Hotline.Search.Tests.Analysis;

public sealed class TextAnalyzerTests
{
    [Fact]
    public void Analyze_HanRun_ProducesOverlappingBigramsWithOffsets()
    {
        var tokens = TextAnalyzer.Analyze("社保卡");

        Assert.Equal([TermKey.Bigram('社', '保'), TermKey.Bigram('保', '卡')], tokens.Select(t => t.Key));
        Assert.Equal([0, 1], tokens.Select(t => t.Start));
    }

    [Fact]
    public void Analyze_MixedLatinDigitsAndHan_SplitsWordsFromBigrams()
    {
        var tokens = TextAnalyzer.Analyze("12123换证app");

        Assert.Equal(TermKey.Word("12123"), tokens[0].Key);
        Assert.Equal(TermKey.Bigram('换', '证'), tokens[1].Key);
        Assert.Equal(TermKey.Word("app"), tokens[2].Key);
    }

    [Fact]
    public void Analyze_LoneHanCharacter_IsUnigram()
    {
        var tokens = TextAnalyzer.Analyze("a 水 b");

        Assert.Contains(tokens, t => t.Key == TermKey.Unigram('水'));
    }

    [Fact]
    public void Analyze_PunctuationAndEmojiOnly_ProducesNothing()
    {
        Assert.Empty(TextAnalyzer.Analyze("！？。…😀😀 ——"));
    }

    [Fact]
    public void Analyze_VeryLongLatinRun_CutsIntoBoundedWords()
    {
        var tokens = TextAnalyzer.Analyze(new string('a', 100));

        Assert.All(tokens, t => Assert.True(t.Length <= 32));
        Assert.Equal(100, tokens.Sum(t => t.Length));
    }
}

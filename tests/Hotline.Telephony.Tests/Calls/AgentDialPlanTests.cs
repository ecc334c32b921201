using Hotline.Telephony.Calls;

namespace Hotline.Telephony.Tests.Calls;

public sealed class AgentDialPlanTests
{
    private static readonly AgentDialPlan Defaults = new(AgentDialPlan.DefaultPatterns);

    [Theory]
    [InlineData("13800138000")]
    [InlineData("19912345678")]
    [InlineData("23456789")]
    [InlineData("2345678")]
    public void Refusal_DefaultsLocalOrMobile_Allowed(string number) => Assert.Null(Defaults.Refusal(number));

    [Theory]
    [InlineData("0085291234567", "international")]
    [InlineData("008613800138000", "international")]
    [InlineData("02223456789", "Calls:AgentDialPatterns")] // long distance
    [InlineData("95588", "Calls:AgentDialPatterns")] // paid service number
    [InlineData("16812345678", "Calls:AgentDialPatterns")] // premium-rate information line
    [InlineData("1380013800", "Calls:AgentDialPatterns")] // one digit short
    [InlineData("138001380001", "Calls:AgentDialPatterns")] // one digit long: patterns match whole numbers
    [InlineData("12345", "Calls:AgentDialPatterns")]
    public void Refusal_DefaultsOther_RefusedWithTheReason(string number, string reason)
    {
        var refusal = Defaults.Refusal(number);

        Assert.NotNull(refusal);
        Assert.Contains(reason, refusal, StringComparison.Ordinal);
        Assert.Contains(number, refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("*99#")]
    [InlineData("+8613800138000")]
    public void Refusal_NotDigits_Refused(string number) => Assert.Equal("number must be 3 to 20 digits", Defaults.Refusal(number));

    [Fact]
    public void Refusal_ConfiguredPatterns_OnlyThoseAndNeverInternational()
    {
        var plan = new AgentDialPlan([@"0\d{10,11}", @"00\d+"]);

        Assert.Null(plan.Refusal("02223456789"));
        Assert.NotNull(plan.Refusal("13800138000"));
        Assert.Contains("international", plan.Refusal("0085291234567"), StringComparison.Ordinal);
    }
}

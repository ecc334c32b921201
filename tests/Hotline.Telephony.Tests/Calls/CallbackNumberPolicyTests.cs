using Hotline.Telephony.Calls;

namespace Hotline.Telephony.Tests.Calls;

public sealed class CallbackNumberPolicyTests
{
    private static readonly CallbackNumberPolicy Default = new(null);

    [Theory]
    [InlineData("13800138000")] // mobile
    [InlineData("19912345678")]
    [InlineData("01062345678")] // Beijing with area code: 010 + 8 digits
    [InlineData("02887654321")] // Chengdu: 028 + 8 digits
    [InlineData("031185551234")] // Shijiazhuang: 0311 + 8 digits
    [InlineData("07553456789")] // 0755 + 7 digits
    [InlineData("62345678")] // local, no area code, 8 digits
    [InlineData("5551234")] // local, 7 digits
    public void Refusal_MainlandMobileAndFixedLine_Dialled(string number) => Assert.Null(Default.Refusal(number));

    [Theory]
    [InlineData("0085291234567")] // international prefix 00
    [InlineData("+8613800138000")] // international prefix +
    [InlineData("+12025550123")]
    [InlineData("95588")] // 95xxx service numbers
    [InlineData("95105888")]
    [InlineData("10086")] // 1xxxx service numbers
    [InlineData("12345")]
    [InlineData("110")]
    [InlineData("4008123123")] // 400 numbers
    [InlineData("96110")]
    [InlineData("12800138000")] // not a mobile range
    [InlineData("1380013800")] // one digit short
    [InlineData("138001380001")] // one digit long
    [InlineData("0106234567")] // Beijing needs 8 digits
    [InlineData("01012345678")] // a local number does not start with 1
    [InlineData("sipp")]
    [InlineData("")]
    public void Refusal_InternationalPremiumOrMalformed_Flagged(string number) => Assert.NotNull(Default.Refusal(number));

    [Fact]
    public void Refusal_ConfiguredPatterns_ReplaceDefaultsAndMatchWhole()
    {
        var policy = new CallbackNumberPolicy([@"1380013\d{4}"]);

        Assert.Null(policy.Refusal("13800138000"));
        Assert.NotNull(policy.Refusal("13900139000"));
        Assert.NotNull(policy.Refusal("138001380001"));
    }

    [Fact]
    public void Constructor_InvalidPattern_NamesTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new CallbackNumberPolicy(["1[3-9]\\d{9}", "13[0-9"]));

        Assert.Contains("Callbacks:AllowedNumbers:1", error.Message, StringComparison.Ordinal);
    }
}

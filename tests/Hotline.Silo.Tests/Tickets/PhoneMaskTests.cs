using Hotline.Contracts.Tickets;

namespace Hotline.Silo.Tests.Tickets;

public sealed class PhoneMaskTests
{
    [Theory]
    [InlineData("13812341234", "138****1234")]
    [InlineData("+8613812341234", "+86*******1234")]
    [InlineData("01088886666", "010****6666")]
    [InlineData("12345678", "123*5678")]
    [InlineData("1234567", "***4567")]
    [InlineData("12345", "*2345")]
    [InlineData("1234", "****")]
    [InlineData("", "")]
    public void Mask_Number_KeepsOnlyEnds(string phone, string expected)
    {
        Assert.Equal(expected, PhoneMask.Mask(phone));
    }

    [Fact]
    public void ForDepartment_View_MasksPhoneOnly()
    {
        var scenario = new TicketScenario().Create();
        var full = scenario.View;

        var masked = full.ForDepartment();

        Assert.Equal("138****1234", masked.CallerPhone);
        Assert.Equal(full with { CallerPhone = masked.CallerPhone }, masked);
    }
}

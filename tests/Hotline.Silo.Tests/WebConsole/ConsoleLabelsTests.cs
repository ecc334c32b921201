using Hotline.Silo.WebConsole;

namespace Hotline.Silo.Tests.WebConsole;

public sealed class ConsoleLabelsTests
{
    [Theory]
    [InlineData("offered call", "来电振铃")]
    [InlineData("call ended", "通话结束")]
    [InlineData("held for a callback", "为回拨预留")]
    [InlineData("monitoring call c-42", "监听通话 c-42")]
    [InlineData("forced by supervisor S01: 培训", "值班长 S01 强制：培训")]
    public void AgentReason_TheCallCentersOwnReason_ShownInChinese(string reason, string shown) =>
        Assert.Equal(shown, ConsoleLabels.AgentReason(reason));

    [Theory]
    [InlineData("值班长 wb-boss 置忙：培训")]
    [InlineData("lunch")]
    public void AgentReason_TypedByAPerson_ShownAsTyped(string reason) =>
        Assert.Equal(reason, ConsoleLabels.AgentReason(reason));

    [Fact]
    public void AgentReason_None_StaysNone() => Assert.Null(ConsoleLabels.AgentReason(null));
}

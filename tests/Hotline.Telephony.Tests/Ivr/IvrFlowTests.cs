using Hotline.Telephony.Ivr;
using Hotline.Telephony.Ivr.Actions;

namespace Hotline.Telephony.Tests.Ivr;

public sealed class IvrFlowTests
{
    private static readonly IvrMenuOptions Menu = new();

    private static string[] Prompts(IReadOnlyList<IvrAction> actions) =>
        actions.OfType<PlayPrompts>().SelectMany(p => p.Prompts).ToArray();

    [Fact]
    public void Flow_GreetingMenuKeyTwo_QueuedToUtilities()
    {
        var flow = new IvrFlow(Menu, priorityCaller: false);

        Assert.Equal([PromptNames.Greeting], Prompts(flow.Start()));
        Assert.Equal([PromptNames.Menu], Prompts(flow.PromptFinished()));
        Assert.Equal([new StartDigitTimer(TimeSpan.FromSeconds(4))], flow.PromptFinished());
        Assert.Equal([new EnqueueCall("utilities", 0)], flow.Digit('2'));

        Assert.Equal("utilities", flow.QueueId);
        Assert.Equal(["greeting", "menu", "key:2", "queue:utilities"], flow.Path);
    }

    [Fact]
    public void Digit_DuringGreeting_BargesInAndSelects()
    {
        var flow = new IvrFlow(Menu, priorityCaller: false);
        flow.Start();

        Assert.Equal([StopPrompts.Instance, new EnqueueCall("english", 0)], flow.Digit('4'));
    }

    [Fact]
    public void PromptFinished_PriorityCaller_SkipsMenuWithPriority()
    {
        var flow = new IvrFlow(Menu, priorityCaller: true);
        flow.Start();

        Assert.Empty(flow.Digit('3'));
        Assert.Equal([new EnqueueCall("general", 10)], flow.PromptFinished());
        Assert.Equal(["greeting", "priority", "queue:general"], flow.Path);
    }

    [Fact]
    public void PromptFinished_MenuDisabled_QueuedToDefault()
    {
        var flow = new IvrFlow(new IvrMenuOptions { Enabled = false, DefaultQueue = "all" }, priorityCaller: false);
        flow.Start();

        Assert.Equal([new EnqueueCall("all", 0)], flow.PromptFinished());
    }

    [Fact]
    public void Digit_InvalidThenTimeout_RepeatsThenDefaultQueue()
    {
        var flow = new IvrFlow(Menu, priorityCaller: false);
        flow.Start();
        flow.PromptFinished();
        flow.PromptFinished();

        Assert.Equal([PromptNames.Invalid, PromptNames.Menu], Prompts(flow.Digit('9')));
        Assert.Single(flow.PromptFinished().OfType<StartDigitTimer>());
        Assert.Equal([new EnqueueCall("general", 0)], flow.Timeout());
        Assert.Equal(["greeting", "menu", "invalid:9", "menu", "timeout", "menu-exhausted", "queue:general"], flow.Path);
    }

    [Fact]
    public void Timeout_FirstTime_ReplaysMenu()
    {
        var flow = new IvrFlow(Menu, priorityCaller: false);
        flow.Start();
        flow.PromptFinished();
        flow.PromptFinished();

        Assert.Equal([PromptNames.Menu], Prompts(flow.Timeout()));
    }

    [Fact]
    public void CallerHungUp_InMenu_AbandonedInIvr()
    {
        var flow = new IvrFlow(Menu, priorityCaller: false);
        flow.Start();
        flow.PromptFinished();

        flow.CallerHungUp();

        Assert.True(flow.AbandonedInIvr);
        Assert.Empty(flow.Digit('1'));
    }

    [Fact]
    public void OfferCallback_Queued_KeyOneAcceptsThenHangsUp()
    {
        var flow = new IvrFlow(Menu, priorityCaller: true);
        flow.Start();
        flow.PromptFinished();

        Assert.Equal([PromptNames.CallbackOffer], Prompts(flow.OfferCallback()));
        Assert.Equal([StopPrompts.Instance, AcceptCallback.Instance], flow.Digit('1').Take(2));
        Assert.Equal([HangUp.Instance], flow.PromptFinished());
        Assert.False(flow.AbandonedInIvr);
        Assert.Contains("callback-accepted", flow.Path);
    }

    [Fact]
    public void OfferCallback_NoKey_KeepsWaiting()
    {
        var flow = new IvrFlow(Menu, priorityCaller: true);
        flow.Start();
        flow.PromptFinished();
        flow.OfferCallback();
        flow.PromptFinished();

        Assert.Empty(flow.Timeout());
        Assert.Empty(flow.Digit('1'));
        Assert.Equal("callback-declined", flow.Path[^1]);
    }
}

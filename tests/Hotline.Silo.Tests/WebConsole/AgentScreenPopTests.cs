using Hotline.Silo.Staff;
using Hotline.Silo.Storage;
using Hotline.Telephony.Tests.Interop;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;

namespace Hotline.Silo.Tests.WebConsole;

/// <summary>
/// The screen pop in the real browser: an agent whose phone (sipp) registered sets READY by keyboard; a citizen's call
/// (sipp, through the trunk) is offered to it and the workspace shows, without a reload, the caller's number, the
/// caller's earlier ticket and another caller's open ticket in the same district, and fills the form's number.
/// Its own host, so the READY agent takes no other test's call. Screenshot: <c>agent-screen-pop.png</c>.
/// </summary>
public sealed class AgentScreenPopTests(ConsoleHostFixture fixture) : IClassFixture<ConsoleHostFixture>
{
    private const string CallerNumber = "13800138000";

    private ConsoleHost Host => fixture.Console;

    [Fact]
    public async Task CallOffered_WorkspaceShowsCallerEarlierAndNearbyTicketsLive()
    {
        await Host.Host.App.Services.GetRequiredService<IAgentDirectory>().AddAsync(
            new NewAgent("3002", "phone-secret-3002", new Dictionary<string, int> { ["general"] = 5 }), default);
        await Host.Host.App.Services.GetRequiredService<IStaffStore>().AddAsync("3002", ConsoleRole.Agent, null, StaffPassword.Hash(ConsoleHost.Password), default);
        using var other = await Host.SignInAsync("1001");
        var earlier = await ConsoleAccessTests.CreateAndDispatchAsync(other, "zjw", "上周反映的楼道积水问题", CallerNumber);
        var nearby = await ConsoleAccessTests.CreateAndDispatchAsync(other, "sw", "和平区南京路一带停水", "13700009999");

        var phones = SippRunner.WriteInjectionFile(("3002", "phone-secret-3002"));
        var registered = await SippRunner.RunAsync(Host.Host.SipEndPoint, "register-digest.xml", "u1", 1, "-inf", phones);
        File.Delete(phones);
        Assert.True(registered.ExitCode == 0, registered.ToString());
        using var browser = ConsoleBrowser.Start(Host.Base);
        browser.SignIn("3002", ConsoleHost.Password);
        await browser.WaitForAsync(() => browser.Driver.Url.EndsWith("/agent", StringComparison.Ordinal), "the agent workspace");
        browser.Driver.ExecuteScript("window.__notReloaded = true;");
        browser.Find("btn-ready").SendKeys(Keys.Enter);
        await browser.WaitForAsync(() => browser.Find("agent-state").GetAttribute("data-state") == "Ready" ? "ready" : null, "the agent READY");

        // The citizen's call (sipp as the carrier) passes the welcome and waits in the queue; the edge offers it to the
        // READY agent, whose phone never answers, so sipp's own 40 s limit ends the call after the screen pop.
        var caller = SippRunner.RunFromAsync(
            ConsoleHost.TrunkAddress, Host.Host.SipEndPoint, "trunk-call-edge-hangs-up.xml", "u1", 1, "-s", "12345", "-mi", ConsoleHost.TrunkAddress, "-timeout", "40s");
        var number = await browser.WaitForAsync(() => browser.Find("call-number").Text is { Length: > 0 } n ? n : null, "the screen pop");
        var history = await browser.WaitForAsync(() => browser.Find("call-history").Text is var t && t.Contains(earlier, StringComparison.Ordinal) ? t : null, "the earlier ticket");
        var around = await browser.WaitForAsync(() => browser.Find("call-nearby").Text is var t && t.Contains(nearby, StringComparison.Ordinal) ? t : null, "the nearby ticket");
        browser.Screenshot("agent-screen-pop");
        await caller;

        Assert.Equal(CallerNumber, number);
        Assert.Contains("楼道积水", history, StringComparison.Ordinal);
        Assert.DoesNotContain(earlier, around, StringComparison.Ordinal);
        Assert.Equal(CallerNumber, browser.Find("f-phone").GetAttribute("value"));
        Assert.Equal(true, browser.Driver.ExecuteScript("return window.__notReloaded === true;"));
    }
}

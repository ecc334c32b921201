using Hotline.Silo.Staff;
using Hotline.Silo.Storage;
using Hotline.Telephony.Tests.Interop;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;

namespace Hotline.Silo.Tests.WebConsole;

/// <summary>
/// The console in a real browser (Debian's headless chromium at 1366×768) against the running host; the wallboard
/// test places a real sipp call through the SIP edge. Screenshots: <c>{test output}/screenshots/*.png</c>.
/// </summary>
public sealed class ConsoleBrowserTests(ConsoleHostFixture fixture) : IClassFixture<ConsoleHostFixture>
{
    private ConsoleHost Host => fixture.Console;

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LockedEvenWithTheRightOne()
    {
        await Host.Host.App.Services.GetRequiredService<IStaffStore>()
            .AddAsync("lock-me", ConsoleRole.Agent, null, StaffPassword.Hash(ConsoleHost.Password), default);
        using var browser = ConsoleBrowser.Start(Host.Base);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            browser.SignIn("lock-me", "wrong-password");
            var error = await browser.WaitForAsync(() => browser.Find("signin-error").Text, "the sign-in error");
            Assert.Equal("工号或密码错误。", error);
        }

        browser.SignIn("lock-me", "wrong-password");
        var locked = await browser.WaitForAsync(() => browser.Find("signin-error").Text is var t && t.Contains("锁定", StringComparison.Ordinal) ? t : null, "the lock-out");
        browser.SignIn("lock-me", ConsoleHost.Password);
        var stillLocked = await browser.WaitForAsync(() => browser.Find("signin-error").Text, "the lock-out again");
        browser.Screenshot("signin-locked");
        browser.SignIn("1001", ConsoleHost.Password);
        await browser.WaitForAsync(() => browser.Driver.Url.EndsWith("/agent", StringComparison.Ordinal), "the agent workspace");
        browser.Screenshot("agent-signed-in");

        Assert.Contains("15 分钟", locked, StringComparison.Ordinal);
        Assert.Contains("锁定", stillLocked, StringComparison.Ordinal);
        Assert.Equal("1001（坐席）", browser.Find("who").Text);
    }

    [Fact]
    public async Task TicketForm_ContentTyped_SearchHighlightsAndSuggestions_ThenDispatched()
    {
        using var browser = ConsoleBrowser.Start(Host.Base);
        browser.SignIn("1002", ConsoleHost.Password);
        await browser.WaitForAsync(() => browser.Driver.Url.EndsWith("/agent", StringComparison.Ordinal), "the agent workspace");

        browser.Find("f-phone").SendKeys("13912345678");
        browser.Find("f-district").SendKeys("和平区");
        browser.Find("f-address").SendKeys("南京路100号");
        browser.Find("f-content").SendKeys("我家小区停水两天了，自来水一直没来，想问问什么时候恢复供水");
        var marks = await browser.WaitForAsync(() => browser.Driver.FindElements(By.CssSelector("#kb-hits mark")) is { Count: > 0 } m ? m : null, "highlighted knowledge hits");
        var firstSuggestion = await browser.WaitForAsync(() => browser.Driver.FindElements(By.CssSelector("#suggestions > li > strong")).FirstOrDefault()?.Text, "dispatch suggestions");
        var evidence = browser.Driver.FindElements(By.CssSelector("#suggestions > li li")).Count;
        browser.Find("btn-create").Click();
        var ticketId = await browser.WaitForAsync(() => browser.Find("after-create").Displayed ? browser.Find("created-id").Text : null, "the created ticket");
        browser.Screenshot("agent-ticket-form");
        var chosen = browser.Find("dispatch-department").GetAttribute("value");
        browser.Find("btn-dispatch").Click();
        var message = await browser.WaitForAsync(() => browser.Find("action-message").Text is { Length: > 0 } t ? t : null, "the dispatch result");
        var mine = await browser.WaitForAsync(
            () => browser.Driver.FindElements(By.CssSelector("#my-tickets tbody tr")).FirstOrDefault(r => r.Text.Contains(ticketId, StringComparison.Ordinal))?.Text,
            "the ticket in my tickets");
        browser.Screenshot("agent-dispatched");

        Assert.Contains(marks, m => m.Text.Length > 0);
        Assert.Contains("水务", firstSuggestion, StringComparison.Ordinal);
        Assert.True(evidence > 0, "a suggestion shows its evidence");
        Assert.Equal("sw", chosen);
        Assert.Equal($"已派单：{ticketId}（已派单）", message);
        Assert.Contains("已派单", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TicketForm_RepeatOfAnOpenTicket_MergedByKeyboard_AnotherResolvedOnTheSpot()
    {
        const string Content = "南京路100号门口的路灯坏了一个多星期，晚上一片漆黑，行人容易摔倒";
        using var other = await Host.SignInAsync("1001");
        var open = await ConsoleAccessTests.CreateAndDispatchAsync(other, "zjw", Content);
        using var browser = ConsoleBrowser.Start(Host.Base);
        browser.SignIn("1002", ConsoleHost.Password);
        await browser.WaitForAsync(() => browser.Driver.Url.EndsWith("/agent", StringComparison.Ordinal), "the agent workspace");

        Fill(browser, "13912340000", Content);
        var mergeButton = await browser.WaitForAsync(
            () => browser.Driver.FindElements(By.CssSelector($"#similar button[data-action='merge'][data-ticket='{open}']")).FirstOrDefault(), "the open ticket among the similar ones");
        browser.Find("btn-create").SendKeys(Keys.Enter);
        var repeat = await browser.WaitForAsync(() => browser.Find("after-create").Displayed ? browser.Find("created-id").Text : null, "the created ticket");
        mergeButton.SendKeys(Keys.Enter);
        var merged = await browser.WaitForAsync(() => browser.Find("action-message").Text is { Length: > 0 } t ? t : null, "the merge result");
        browser.Screenshot("agent-merged");

        browser.Open("/agent");
        Fill(browser, "13912340001", "咨询一下居住证办理需要带哪些材料");
        browser.Find("btn-create").SendKeys(Keys.Enter);
        var answered = await browser.WaitForAsync(() => browser.Find("after-create").Displayed ? browser.Find("created-id").Text : null, "the second ticket");
        browser.Find("resolve-answer").SendKeys("携带身份证、居住登记凭证到街道服务中心办理");
        browser.Find("btn-resolve").SendKeys(Keys.Enter);
        var resolved = await browser.WaitForAsync(() => browser.Find("action-message").Text is { Length: > 0 } t ? t : null, "the resolution");
        browser.Screenshot("agent-resolved-on-the-spot");

        var grains = Host.Host.App.Services.GetRequiredService<IGrainFactory>();
        var boss = new Hotline.Contracts.Security.Caller(Hotline.Contracts.Security.CallerKind.Staff, "boss", Hotline.Contracts.Security.StaffRole.Supervisor);
        var repeatView = await grains.GetGrain<Hotline.Contracts.Grains.ITicketGrain>(repeat).GetAsync(boss);
        var answeredView = await grains.GetGrain<Hotline.Contracts.Grains.ITicketGrain>(answered).GetAsync(boss);
        Assert.Equal($"已合并：{repeat}（已合并）", merged);
        Assert.Equal(Hotline.Contracts.Tickets.TicketState.Merged, repeatView.State);
        Assert.StartsWith($"已直接办结：{answered}（", resolved, StringComparison.Ordinal);
        Assert.Contains(answeredView.State, new[] { Hotline.Contracts.Tickets.TicketState.Closed, Hotline.Contracts.Tickets.TicketState.AwaitingCallback });
    }

    [Fact]
    public async Task HostileTicketText_ShownAsText_OnAgentAndLiaisonPages()
    {
        const string Hostile = "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>&amp; 井盖丢了";
        using (var agent = await Host.SignInAsync("1001"))
        {
            await ConsoleAccessTests.CreateAndDispatchAsync(agent, "zjw", Hostile, phone: "13600006666");
        }

        using var browser = ConsoleBrowser.Start(Host.Base);
        browser.SignIn("zjw-li", ConsoleHost.Password);
        var cell = await browser.WaitForAsync(
            () => browser.Driver.FindElements(By.CssSelector("#liaison-tickets tbody td")).FirstOrDefault(td => td.Text.Contains("井盖", StringComparison.Ordinal))?.Text,
            "the hostile ticket on the liaison page");
        var images = browser.Driver.FindElements(By.CssSelector("main img, main script")).Count;
        var phoneShown = browser.Driver.FindElement(By.Id("liaison-tickets")).Text;
        browser.Screenshot("liaison-hostile-text");
        browser.SignIn("1001", ConsoleHost.Password);
        var mine = await browser.WaitForAsync(
            () => browser.Driver.FindElements(By.CssSelector("#my-tickets tbody td")).FirstOrDefault(td => td.Text.Contains("井盖", StringComparison.Ordinal))?.Text,
            "the hostile ticket in my tickets");

        Assert.Equal(Hostile, cell);
        Assert.Equal(Hostile, mine);
        Assert.Equal(0, images);
        Assert.DoesNotContain("pwned", browser.Driver.Title, StringComparison.Ordinal);
        Assert.Contains("136****6666", phoneShown, StringComparison.Ordinal);
        Assert.DoesNotContain("13600006666", phoneShown, StringComparison.Ordinal);
    }

    private static void Fill(ConsoleBrowser browser, string phone, string content)
    {
        browser.Find("f-phone").SendKeys(phone);
        browser.Find("f-district").SendKeys("和平区");
        browser.Find("f-address").SendKeys("南京路100号");
        browser.Find("f-content").SendKeys(content);
    }

    [Fact]
    public async Task Wallboard_SippCallArrives_QueueAndTodayUpdateWithoutReload()
    {
        using var browser = ConsoleBrowser.Start(Host.Base);
        browser.SignIn("boss", ConsoleHost.Password);
        await browser.WaitForAsync(() => browser.Driver.Url.EndsWith("/wallboard", StringComparison.Ordinal), "the wallboard");
        await browser.WaitForAsync(() => browser.Find("t-offered").Text != "–", "the first snapshot");
        var offeredBefore = int.Parse(browser.Find("t-offered").Text, System.Globalization.CultureInfo.InvariantCulture);
        // A mark on the page's window: a reload would lose it.
        browser.Driver.ExecuteScript("window.__notReloaded = true;");

        // sipp's own caller: INVITE, ACK, 15 s in the queue (the caller's behaviour, not the test's synchronisation:
        // the page is polled), then its BYE; nobody answers, so the call is offered and abandoned.
        var caller = SippRunner.RunFromAsync(ConsoleHost.TrunkAddress, Host.Host.SipEndPoint, "builtin:uac", "u1", 1, "-s", "12345", "-d", "15000");
        var waiting = await browser.WaitForAsync(
            () => browser.Driver.FindElements(By.CssSelector("#queues tbody tr")).FirstOrDefault(r => r.Text.StartsWith("general 1 ", StringComparison.Ordinal))?.Text,
            "the call waiting in the general queue");
        browser.Screenshot("wallboard-call-waiting");
        var result = await caller;
        var offeredAfter = await browser.WaitForAsync(
            () => int.Parse(browser.Find("t-offered").Text, System.Globalization.CultureInfo.InvariantCulture) is var n && n > offeredBefore ? (int?)n : null,
            "today's offered calls rising");
        browser.Screenshot("wallboard-after-call");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("general 1 ", waiting, StringComparison.Ordinal);
        Assert.Equal(offeredBefore + 1, offeredAfter);
        Assert.Equal(true, browser.Driver.ExecuteScript("return window.__notReloaded === true;"));
    }
}

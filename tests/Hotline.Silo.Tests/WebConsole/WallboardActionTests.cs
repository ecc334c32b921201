using Hotline.Contracts.Agents;
using Hotline.Contracts.Grains;
using Hotline.Contracts.Security;
using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using Hotline.Silo.Staff;
using Hotline.Silo.Storage;
using Hotline.Telephony.Calls;
using Hotline.Telephony.Tests.Interop;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;

namespace Hotline.Silo.Tests.WebConsole;

/// <summary>
/// The supervisor's actions on the wallboard, in the real browser: each is taken by keyboard in the decision form, the
/// ticket's new state is read back from its grain, and the wallboard drops (or updates) the row without a reload.
/// Screenshots: <c>wallboard-*.png</c>.
/// </summary>
public sealed class WallboardActionTests(ConsoleHostFixture fixture) : IClassFixture<ConsoleHostFixture>
{
    private static readonly Caller Zjw = new(CallerKind.Department, "zjw", StaffRole.None);

    private ConsoleHost Host => fixture.Console;

    private IGrainFactory Grains => Host.Host.App.Services.GetRequiredService<IGrainFactory>();

    [Fact]
    public async Task Extension_DeniedWithoutReasonThenApproved_DeadlineMovesAndRowLeaves()
    {
        var denied = await ClaimedAsync("路面塌陷，申请延期");
        var approved = await ClaimedAsync("违建拆除，申请延期");
        foreach (var id in new[] { denied, approved })
        {
            await Grains.GetGrain<ITicketGrain>(id).RequestExtensionAsync(new RequestExtension(Zjw, 3, "需协调施工单位"));
        }

        var before = await Grains.GetGrain<ITicketGrain>(approved).GetAsync(Zjw);
        using var browser = await WallboardAsync();

        var row = await RowAsync(browser, denied);
        Press(browser, denied, "extension-deny");
        browser.Find("decision-reason").SendKeys(Keys.Enter);
        var error = await browser.WaitForAsync(() => browser.Find("decision-message").Text is { Length: > 0 } t ? t : null, "the refusal of an empty reason");
        browser.Screenshot("wallboard-extension-error");
        browser.Find("decision-reason").SendKeys("材料不全，请补充后再申请" + Keys.Enter);
        await GoneAsync(browser, denied);
        Press(browser, approved, "extension-approve");
        browser.Find("decision-reason").SendKeys(Keys.Enter);
        await GoneAsync(browser, approved);
        browser.Screenshot("wallboard-extension-decided");

        var deniedView = await Grains.GetGrain<ITicketGrain>(denied).GetAsync(Zjw);
        var approvedView = await Grains.GetGrain<ITicketGrain>(approved).GetAsync(Zjw);
        var history = await Grains.GetGrain<ITicketGrain>(denied).GetHistoryAsync(Boss);
        Assert.Contains("申请延期 3 天：需协调施工单位", row, StringComparison.Ordinal);
        Assert.Equal("原因：必填", error);
        Assert.Null(deniedView.PendingExtension);
        Assert.Null(approvedView.PendingExtension);
        Assert.True(approvedView.HandleDeadline > before.HandleDeadline, $"{approvedView.HandleDeadline} after {before.HandleDeadline}");
        Assert.Contains(history, e => e.Actor == "staff:boss" && e.Reason == "材料不全，请补充后再申请");
        Assert.Equal(true, browser.Driver.ExecuteScript("return window.__notReloaded === true;"));
    }

    [Fact]
    public async Task Extension_OnATicketOlderThanFiveHundredOpenOnes_StillWaitsOnTheWallboard()
    {
        var old = await ClaimedAsync("老旧小区管网改造，申请延期");
        await Grains.GetGrain<ITicketGrain>(old).RequestExtensionAsync(new RequestExtension(Zjw, 5, "管网改造需分段施工"));

        // More open (DISPATCHED) tickets newer than it than the old wallboard read deep (five pages of 100).
        using var agent = await Host.SignInAsync("1001");
        using var gate = new SemaphoreSlim(6);
        await Task.WhenAll(Enumerable.Range(0, 510).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                await ConsoleAccessTests.CreateAndDispatchAsync(agent, "zjw", $"路灯不亮，编号 {i}");
            }
            finally
            {
                gate.Release();
            }
        }));
        using var browser = await WallboardAsync();

        var row = await RowAsync(browser, old);
        browser.Screenshot("wallboard-old-extension");

        Assert.Contains("申请延期 5 天：管网改造需分段施工", row, StringComparison.Ordinal);
        Assert.NotNull(browser.Driver.FindElements(By.CssSelector($"#decisions tbody tr[data-ticket='{old}'] button[data-action='extension-approve']")).FirstOrDefault());
    }

    [Fact]
    public async Task Return_RefusedRedirectedAndDesignated_EachSendsTheTicketOn()
    {
        var refused = await ReturnedAsync("小区噪音扰民，退单");
        var redirected = await ReturnedAsync("河道漂浮物，退单");
        var designated = await ReturnedAsync("公交站牌损坏，退单");
        using var browser = await WallboardAsync();

        await RowAsync(browser, refused);
        Press(browser, refused, "return-deny");
        browser.Find("decision-reason").SendKeys("属于贵单位职责，请办理" + Keys.Enter);
        await GoneAsync(browser, refused);
        await RowAsync(browser, redirected);
        Press(browser, redirected, "return-approve");
        ChooseDepartment(browser, "sw");
        browser.Find("decision-reason").SendKeys(Keys.Enter);
        await GoneAsync(browser, redirected);
        await RowAsync(browser, designated);
        Press(browser, designated, "designate");
        ChooseDepartment(browser, "sw");
        browser.Find("decision-reason").SendKeys(Keys.Enter);
        await GoneAsync(browser, designated);
        browser.Screenshot("wallboard-returns-decided");

        var boss = Boss;
        var refusedView = await Grains.GetGrain<ITicketGrain>(refused).GetAsync(boss);
        var redirectedView = await Grains.GetGrain<ITicketGrain>(redirected).GetAsync(boss);
        var designatedView = await Grains.GetGrain<ITicketGrain>(designated).GetAsync(boss);
        Assert.Equal((TicketState.Dispatched, "zjw"), (refusedView.State, refusedView.LeadDepartmentId));
        Assert.Equal((TicketState.Dispatched, "sw", false), (redirectedView.State, redirectedView.LeadDepartmentId, redirectedView.Designated));
        Assert.Equal((TicketState.Dispatched, "sw", true), (designatedView.State, designatedView.LeadDepartmentId, designatedView.Designated));
    }

    [Fact]
    public async Task Review_ApprovedAndRejected_WrongStateShownInChinese()
    {
        var approved = await RepliedAsync("树木遮挡路灯，已修剪");
        var rejected = await RepliedAsync("垃圾清运不及时，已处理");
        using var browser = await WallboardAsync();

        await RowAsync(browser, approved);
        Press(browser, approved, "review-approve");
        // Someone else decides the same reply first: the wallboard's action is refused, in Chinese.
        await Grains.GetGrain<ITicketGrain>(approved).ReviewReplyAsync(new ReviewReply(new Caller(CallerKind.Staff, "1001", StaffRole.Agent), true, null));
        browser.Find("decision-reason").SendKeys(Keys.Enter);
        var error = await browser.WaitForAsync(() => browser.Find("decision-message").Text is { Length: > 0 } t ? t : null, "the refusal of a decided reply");
        browser.Find("decision-cancel").Click();
        await RowAsync(browser, rejected);
        Press(browser, rejected, "review-reject");
        browser.Find("decision-reason").SendKeys("现场未清理干净" + Keys.Enter);
        await GoneAsync(browser, rejected);
        await GoneAsync(browser, approved);
        browser.Screenshot("wallboard-review-decided");

        Assert.Equal("工单当前状态为「待回访」，不能执行此操作。", error);
        Assert.Equal(TicketState.AwaitingCallback, (await Grains.GetGrain<ITicketGrain>(approved).GetAsync(Boss)).State);
        Assert.Equal(TicketState.Claimed, (await Grains.GetGrain<ITicketGrain>(rejected).GetAsync(Boss)).State);
    }

    [Fact]
    public async Task AgentRegisteredBySipp_SetNotReadyFromTheWallboard_RowShowsReason()
    {
        await Host.Host.App.Services.GetRequiredService<IAgentDirectory>().AddAsync(
            new NewAgent("3001", "phone-secret-3001", new Dictionary<string, int> { ["general"] = 5 }), default);
        await Host.Host.App.Services.GetRequiredService<IStaffStore>().AddAsync("3001", ConsoleRole.Agent, null, StaffPassword.Hash(ConsoleHost.Password), default);
        using var browser = await WallboardAsync();

        // The agent's phone (sipp) registers with digest authentication; the agent then sets READY in its own workspace.
        var agents = SippRunner.WriteInjectionFile(("3001", "phone-secret-3001"));
        var registered = await SippRunner.RunAsync(Host.Host.SipEndPoint, "register-digest.xml", "u1", 1, "-inf", agents);
        File.Delete(agents);
        Assert.True(registered.ExitCode == 0, registered.ToString());
        using (var agent = await Host.SignInAsync("3001"))
        {
            using var ready = await Host.PostJsonAsync(agent, "/api/console/agent/state", """{"state":"READY"}""");
            Assert.True(ready.IsSuccessStatusCode, await ready.Content.ReadAsStringAsync());
        }

        var readyRow = await browser.WaitForAsync(() => AgentRow(browser, "3001") is { } r && r.Contains("示闲", StringComparison.Ordinal) ? r : null, "agent 3001 ready");
        browser.Screenshot("wallboard-agent-ready");
        browser.Driver.FindElement(By.CssSelector("button[data-action='agent-not-ready'][data-agent='3001']")).SendKeys(Keys.Enter);
        browser.Find("decision-reason").SendKeys("临时培训" + Keys.Enter);
        var notReadyRow = await browser.WaitForAsync(() => AgentRow(browser, "3001") is { } r && r.Contains("示忙", StringComparison.Ordinal) ? r : null, "agent 3001 not ready");
        browser.Screenshot("wallboard-agent-not-ready");

        var agentNow = Host.Host.App.Services.GetRequiredService<ICallCenter>().ListAgents().Single(a => a.AgentId == "3001");
        Assert.Contains("示闲", readyRow, StringComparison.Ordinal);
        Assert.Contains("值班长 boss 置忙：临时培训", notReadyRow, StringComparison.Ordinal);
        Assert.Equal(AgentState.NotReady, agentNow.State);
        Assert.Empty(browser.Driver.FindElements(By.CssSelector("button[data-action='agent-not-ready'][data-agent='3001']")));
        Assert.Equal(true, browser.Driver.ExecuteScript("return window.__notReloaded === true;"));
    }

    private static Caller Boss => new(CallerKind.Staff, "boss", StaffRole.Supervisor);

    private async Task<ConsoleBrowser> WallboardAsync()
    {
        var browser = ConsoleBrowser.Start(Host.Base);
        browser.SignIn("boss", ConsoleHost.Password);
        await browser.WaitForAsync(() => browser.Driver.Url.EndsWith("/wallboard", StringComparison.Ordinal), "the wallboard");
        await browser.WaitForAsync(() => browser.Find("t-offered").Text != "–", "the first snapshot");
        await browser.WaitForAsync(() => browser.Driver.FindElements(By.CssSelector("#decision-department option")).Count > 0, "the departments");
        browser.Driver.ExecuteScript("window.__notReloaded = true;");
        return browser;
    }

    private static Task<string> RowAsync(ConsoleBrowser browser, string ticketId) =>
        browser.WaitForAsync(() => DecisionRow(browser, ticketId)?.Text, $"ticket {ticketId} among the decisions");

    private static Task GoneAsync(ConsoleBrowser browser, string ticketId) =>
        browser.WaitForAsync(() => DecisionRow(browser, ticketId) is null && browser.Find("decision-form").Displayed is false, $"ticket {ticketId} leaving the decisions");

    private static IWebElement? DecisionRow(ConsoleBrowser browser, string ticketId) =>
        browser.Driver.FindElements(By.CssSelector($"#decisions tbody tr[data-ticket='{ticketId}']")).FirstOrDefault();

    private static string? AgentRow(ConsoleBrowser browser, string agentId) =>
        browser.Driver.FindElements(By.CssSelector($"#agents tbody tr[data-agent='{agentId}']")).FirstOrDefault()?.Text;

    /// <summary>Takes the row's action by keyboard: focus the button, Enter.</summary>
    private static void Press(ConsoleBrowser browser, string ticketId, string action) =>
        browser.Driver.FindElement(By.CssSelector($"#decisions tbody tr[data-ticket='{ticketId}'] button[data-action='{action}']")).SendKeys(Keys.Enter);

    private static void ChooseDepartment(ConsoleBrowser browser, string departmentId) =>
        browser.Driver.ExecuteScript("const s = document.getElementById('decision-department'); s.value = arguments[0];", departmentId);

    private async Task<string> DispatchedAsync(string content)
    {
        using var agent = await Host.SignInAsync("1001");
        return await ConsoleAccessTests.CreateAndDispatchAsync(agent, "zjw", content);
    }

    private async Task<string> ClaimedAsync(string content)
    {
        var id = await DispatchedAsync(content);
        await Grains.GetGrain<ITicketGrain>(id).ClaimAsync(new ClaimTicket(Zjw));
        return id;
    }

    private async Task<string> ReturnedAsync(string content)
    {
        var id = await DispatchedAsync(content);
        await Grains.GetGrain<ITicketGrain>(id).ReturnAsync(new ReturnTicket(Zjw, "不属于本单位职责"));
        return id;
    }

    private async Task<string> RepliedAsync(string content)
    {
        var id = await ClaimedAsync(content);
        await Grains.GetGrain<ITicketGrain>(id).ResolveAsync(new ResolveTicket(Zjw, "已处理完毕"));
        return id;
    }
}

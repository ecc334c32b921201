using System.Net;
using System.Text.Json;
using Hotline.Contracts.Grains;
using Hotline.Contracts.Security;
using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;

namespace Hotline.Silo.Tests.WebConsole;

/// <summary>
/// The agent's return visits (我的回访) in the real browser at 1366×768, by keyboard: a focused row's digit records the
/// outcome through the ticket grain. Screenshot: <c>agent-callbacks.png</c>.
/// </summary>
public sealed class AgentCallbackTests(ConsoleHostFixture fixture) : IClassFixture<ConsoleHostFixture>
{
    private ConsoleHost Host => fixture.Console;

    private IGrainFactory Grains => Host.Host.App.Services.GetRequiredService<IGrainFactory>();

    [Fact]
    public async Task Callbacks_KeysAndButtons_RecordEachOutcome()
    {
        string satisfied, basically, unsatisfied, unreachable, others;
        using (var agent = await Host.SignInAsync("1002"))
        {
            satisfied = await AwaitingCallbackAsync(agent, "路灯不亮，已修复");
            basically = await AwaitingCallbackAsync(agent, "噪音扰民，已劝导");
            unsatisfied = await AwaitingCallbackAsync(agent, "积水未排，已处理");
            unreachable = await AwaitingCallbackAsync(agent, "井盖缺失，已补装");
        }

        using (var other = await Host.SignInAsync("1001"))
        {
            others = await AwaitingCallbackAsync(other, "树枝折断，已清理");
        }

        using var browser = ConsoleBrowser.Start(Host.Base);
        browser.SignIn("1002", ConsoleHost.Password);
        await browser.WaitForAsync(() => Row(browser, unreachable), "the return visits");
        var mineCell = await browser.WaitForAsync(() => Row(browser, satisfied)?.FindElements(By.TagName("td"))[2].Text, "my own return visit");
        var othersCell = await browser.WaitForAsync(() => Row(browser, others)?.FindElements(By.TagName("td"))[2].Text, "another agent's return visit");
        browser.Driver.ExecuteScript("document.getElementById('callbacks-panel').scrollIntoView();");
        browser.Screenshot("agent-callbacks");
        var overflow = (long)(browser.Driver.ExecuteScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;") ?? 0L);

        await KeyAsync(browser, satisfied, "1");
        await KeyAsync(browser, basically, "2");
        // Through WaitForAsync: a row replaced while it is used (stale element) is found again; the click comes last.
        await browser.WaitForAsync(() =>
        {
            var row = Row(browser, unsatisfied)!;
            var note = row.FindElement(By.ClassName("callback-note"));
            note.Clear();
            note.SendKeys("市民称积水仍在");
            row.FindElement(By.CssSelector("button[data-outcome='Unsatisfied']")).Click();
            return true;
        }, "the unsatisfied outcome clicked");
        await GoneAsync(browser, unsatisfied);
        await browser.WaitForAsync(() =>
        {
            Row(browser, unreachable)!.FindElement(By.CssSelector("button[data-outcome='Unreachable']")).SendKeys(Keys.Enter);
            return true;
        }, "the unreachable outcome pressed");
        var message = await browser.WaitForAsync(() => browser.Find("callback-message").Text is var t && t.Contains(unreachable, StringComparison.Ordinal) ? t : null, "the unreachable outcome");
        var stillListed = await browser.WaitForAsync(() => Row(browser, unreachable)?.Text, "the unreachable ticket still listed");

        var boss = new Caller(CallerKind.Staff, "boss", StaffRole.Supervisor);
        Assert.Equal("本人", mineCell);
        Assert.Equal("其他", othersCell);
        Assert.True(overflow <= 0, $"the page scrolls sideways by {overflow}px at 1366×768");
        Assert.Equal((TicketState.Closed, Satisfaction.Satisfied), await OutcomeAsync(satisfied, boss));
        Assert.Equal((TicketState.Closed, Satisfaction.BasicallySatisfied), await OutcomeAsync(basically, boss));
        Assert.Equal((TicketState.Reopened, Satisfaction.Unsatisfied), await OutcomeAsync(unsatisfied, boss));
        Assert.Equal("市民称积水仍在", (await Grains.GetGrain<ITicketGrain>(unsatisfied).GetAsync(boss)).Callback?.Note);
        Assert.Equal((TicketState.AwaitingCallback, Satisfaction.Unreachable), await OutcomeAsync(unreachable, boss));
        Assert.Equal($"已记录回访：{unreachable} 未接通（待回访）", message);
        Assert.Contains("1 次", stillListed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_BadOutcomeOrLiaison_Refused()
    {
        using var agent = await Host.SignInAsync("1001");
        var ticket = await AwaitingCallbackAsync(agent, "路面破损，已修补");
        using var liaison = await Host.SignInAsync("zjw-li");

        using var bad = await Host.PostJsonAsync(agent, $"/api/console/agent/tickets/{ticket}/callback", """{"satisfaction":"Thrilled"}""");
        using var forbidden = await Host.PostJsonAsync(liaison, $"/api/console/agent/tickets/{ticket}/callback", """{"satisfaction":"Satisfied"}""");
        using var listForbidden = await liaison.GetAsync("/api/console/agent/callbacks");
        using var anonymous = await Host.Client().GetAsync("/api/console/agent/callbacks");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var error = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("satisfaction", "回访结果"), (error.GetProperty("field").GetString(), error.GetProperty("fieldLabel").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, listForbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(TicketState.AwaitingCallback, (await Grains.GetGrain<ITicketGrain>(ticket).GetAsync(new Caller(CallerKind.Staff, "boss", StaffRole.Supervisor))).State);
    }

    private async Task<(TicketState, Satisfaction?)> OutcomeAsync(string id, Caller caller)
    {
        var view = await Grains.GetGrain<ITicketGrain>(id).GetAsync(caller);
        return (view.State, view.Callback?.Satisfaction);
    }

    private static IWebElement? Row(ConsoleBrowser browser, string id) =>
        browser.Driver.FindElements(By.CssSelector($"#callback-tickets tbody tr[data-ticket='{id}']")).FirstOrDefault();

    /// <summary>Focuses the row (as Tab would) and presses the outcome's digit.</summary>
    private static async Task KeyAsync(ConsoleBrowser browser, string id, string key)
    {
        await browser.WaitForAsync(() => browser.Driver.ExecuteScript("arguments[0].focus(); return document.activeElement === arguments[0];", Row(browser, id)) is true, $"ticket {id}'s row focused");
        new OpenQA.Selenium.Interactions.Actions(browser.Driver).SendKeys(key).Perform();
        await GoneAsync(browser, id);
    }

    private static Task GoneAsync(ConsoleBrowser browser, string id) =>
        browser.WaitForAsync(() => Row(browser, id) is null, $"ticket {id} leaving the return visits");

    private async Task<string> AwaitingCallbackAsync(HttpClient agent, string content)
    {
        var id = await ConsoleAccessTests.CreateAndDispatchAsync(agent, "zjw", content);
        var zjw = new Caller(CallerKind.Department, "zjw", StaffRole.None);
        await Grains.GetGrain<ITicketGrain>(id).ClaimAsync(new ClaimTicket(zjw));
        await Grains.GetGrain<ITicketGrain>(id).ResolveAsync(new ResolveTicket(zjw, "已处理"));
        var view = await Grains.GetGrain<ITicketGrain>(id).ReviewReplyAsync(new ReviewReply(new Caller(CallerKind.Staff, "boss", StaffRole.Supervisor), true, null));
        Assert.Equal(TicketState.AwaitingCallback, view.State);
        return id;
    }
}

using System.Net;
using System.Text.Json;
using Hotline.Contracts.Grains;
using Hotline.Contracts.Security;
using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using OpenQA.Selenium;
using Orleans;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Silo.Tests.WebConsole;

/// <summary>
/// The agent workspace's 待回访 and 待审核 lists: a ticket whose reply was approved waits for its callback; a department's
/// reply waits for review. Over HTTP and in the real browser. Screenshot: <c>agent-worklists.png</c>.
/// </summary>
public sealed class AgentWorklistTests(ConsoleHostFixture fixture) : IClassFixture<ConsoleHostFixture>
{
    private ConsoleHost Host => fixture.Console;

    [Fact]
    public async Task Worklists_ResolvedAndReplied_EachInItsOwnList()
    {
        using var agent = await Host.SignInAsync("1001");
        var (callback, replied) = await ResolvedAndRepliedAsync(agent);

        var callbacks = await IdsAsync(agent, "callbacks");
        var review = await IdsAsync(agent, "review");
        using var unknown = await agent.GetAsync("/api/console/agent/worklist/everything");
        using var liaison = await Host.SignInAsync("zjw-li");
        using var refused = await liaison.GetAsync("/api/console/agent/worklist/review");

        Assert.Contains(callback, callbacks);
        Assert.DoesNotContain(replied, callbacks);
        Assert.Contains(replied, review);
        Assert.DoesNotContain(callback, review);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("list", JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement.GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Worklists_ShownOnTheAgentPage()
    {
        string callback, replied;
        using (var agent = await Host.SignInAsync("1002"))
        {
            (callback, replied) = await ResolvedAndRepliedAsync(agent);
        }

        using var browser = ConsoleBrowser.Start(Host.Base);
        browser.SignIn("1002", ConsoleHost.Password);
        var callbackRow = await browser.WaitForAsync(() => Row(browser, "callback-tickets", callback), "the ticket awaiting its callback");
        var reviewRow = await browser.WaitForAsync(() => Row(browser, "review-tickets", replied), "the reply waiting for review");
        browser.Driver.ExecuteScript("document.getElementById('callback-tickets').scrollIntoView();");
        browser.Screenshot("agent-worklists");

        Assert.Contains("待回访", callbackRow, StringComparison.Ordinal);
        Assert.Contains("zjw", reviewRow, StringComparison.Ordinal);
        Assert.Null(Row(browser, "review-tickets", callback));
    }

    private static string? Row(ConsoleBrowser browser, string table, string id) =>
        browser.Driver.FindElements(By.CssSelector($"#{table} tbody tr")).FirstOrDefault(r => r.Text.StartsWith(id + " ", StringComparison.Ordinal))?.Text;

    /// <summary>A complaint replied to by zjw and approved (its callback is due) and one replied to by zjw, not yet reviewed.</summary>
    private async Task<(string Callback, string Replied)> ResolvedAndRepliedAsync(HttpClient agent)
    {
        var callback = await ConsoleAccessTests.CreateAndDispatchAsync(agent, "zjw", "路灯不亮，已答复市民");
        var grains = Host.Host.App.Services.GetRequiredService<IGrainFactory>();
        var zjw = new Caller(CallerKind.Department, "zjw", StaffRole.None);
        await grains.GetGrain<ITicketGrain>(callback).ClaimAsync(new ClaimTicket(zjw));
        await grains.GetGrain<ITicketGrain>(callback).ResolveAsync(new ResolveTicket(zjw, "已修复"));
        await grains.GetGrain<ITicketGrain>(callback).ReviewReplyAsync(new ReviewReply(new Caller(CallerKind.Staff, "boss", StaffRole.Supervisor), true, null));
        var replied = await ConsoleAccessTests.CreateAndDispatchAsync(agent, "zjw", "井盖松动，等待审核");
        await grains.GetGrain<ITicketGrain>(replied).ClaimAsync(new ClaimTicket(zjw));
        var view = await grains.GetGrain<ITicketGrain>(replied).ResolveAsync(new ResolveTicket(zjw, "已加固"));
        Assert.Equal(TicketState.Replied, view.State);
        return (callback, replied);
    }

    private static async Task<List<string?>> IdsAsync(HttpClient agent, string list) =>
        [.. JsonDocument.Parse(await agent.GetStringAsync("/api/console/agent/worklist/" + list)).RootElement.EnumerateArray().Select(t => t.GetProperty("id").GetString())];
}

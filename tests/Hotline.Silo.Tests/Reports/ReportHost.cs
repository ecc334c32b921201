using System.Net.Http.Headers;
using System.Text.Json;
using Hotline.Contracts.Security;
using Hotline.Silo.Storage;
using Hotline.Silo.Storage.Sql;
using Hotline.Silo.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Silo.Tests.Reports;

/// <summary>A real host (days in UTC) holding <see cref="ReportFixture"/>'s tickets and calls, with tokens for each kind of caller.</summary>
internal sealed class ReportHost : IAsyncDisposable
{
    public const string TwoDays = "period=custom&from=2026-03-02&to=2026-03-03";

    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(60) };

    private ReportHost(RunningHost host) => Host = host;

    public RunningHost Host { get; }

    public string Supervisor { get; private set; } = "";

    public string Agent { get; private set; } = "";

    public string DepartmentD2 { get; private set; } = "";

    public static async Task<ReportHost> StartAsync()
    {
        var host = await RunningHost.StartAsync(loadDemo: false, extraArgs: ["--Calendar:TimeZoneId=UTC", "--Reports:FillInterval=00:00:00"]);
        var report = new ReportHost(host);
        var services = host.App.Services;
        var store = services.GetRequiredService<ITicketStore>();
        var number = 0;
        foreach (var history in ReportFixture.Tickets())
        {
            var id = $"T{++number}";
            var first = history[0].At;
            var commit = new TicketCommit(id, 0, history.Count, JsonSerializer.Serialize(new { id }), new TicketIndex("CLOSED", [], "13800001234", "Xuhui", first, history[^1].At), history, []);
            Assert.True(await store.CommitAsync(commit, CancellationToken.None));
        }

        var calls = services.GetRequiredService<SqlCallDetailRecordStore>();
        foreach (var call in ReportFixture.Calls())
        {
            await calls.SaveAsync(call, CancellationToken.None);
        }

        var tokens = services.GetRequiredService<ITokenStore>();
        report.Supervisor = await tokens.IssueAsync(new Caller(CallerKind.Staff, "s1", StaffRole.Supervisor), CancellationToken.None);
        report.Agent = await tokens.IssueAsync(new Caller(CallerKind.Staff, "a1", StaffRole.Agent), CancellationToken.None);
        report.DepartmentD2 = await tokens.IssueAsync(new Caller(CallerKind.Department, "D2", StaffRole.None), CancellationToken.None);
        return report;
    }

    public async Task<HttpResponseMessage> GetAsync(string pathAndQuery, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Host.HttpBase, pathAndQuery));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Client.SendAsync(request);
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

using System.Diagnostics;

namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>
/// DepartmentDesk and Knowledge over HTTP/JSON from Python's standard http.client
/// (tests/interop/http_json_interop.py) and from curl against the host process; tickets are made over gRPC first.
/// </summary>
public sealed class HttpJsonInteropTests
{
    [Fact]
    public async Task HttpJson_PythonHttpClientAgainstHostOnSqlite_EveryCheckPasses()
    {
        var settings = HostSettingsArgs.Sqlite();
        try
        {
            await using var host = await HostProcess.StartAsync(settings);
            var tokens = await DeskTokens.IssueAsync(settings);
            var otherDepartment = await host.IssueTokenAsync("--department", "rsj");
            var (handled, returned) = await DispatchedAsync(host, tokens);
            string[] arguments =
            [
                "--base", $"http://127.0.0.1:{host.HttpPort}",
                "--department-token", tokens.Department,
                "--other-department-token", otherDepartment,
                "--agent-token", tokens.Agent,
                "--ticket-id", handled,
                "--return-ticket-id", returned,
            ];

            var (code, output) = await PythonScript.RunAsync("http_json_interop.py", arguments, TimeSpan.FromMinutes(2));

            Assert.True(code == 0, $"http_json_interop.py exited {code}:\n{output}");
            Assert.Contains("\n0 failed", "\n" + output, StringComparison.Ordinal);
            Assert.Equal(20, output.Split('\n').Count(line => line.StartsWith("PASS ", StringComparison.Ordinal)));
            Assert.False(host.HasExited, $"the host died during the run:\n{host.Output}");
        }
        finally
        {
            settings.DeleteDataDir();
        }
    }

    [Fact]
    public async Task HttpJson_Curl_StatusesAsTheTranscodingConvention()
    {
        var settings = HostSettingsArgs.Sqlite();
        try
        {
            await using var host = await HostProcess.StartAsync(settings);
            var tokens = await DeskTokens.IssueAsync(settings);
            var otherDepartment = await host.IssueTokenAsync("--department", "rsj");
            var (id, _) = await DispatchedAsync(host, tokens);
            var ticket = $"http://127.0.0.1:{host.HttpPort}/v1/department/tickets/{id}";

            var anonymous = await CurlAsync(ticket);
            var other = await CurlAsync(ticket, "-H", $"authorization: Bearer {otherDepartment}");
            var badJson = await CurlAsync(ticket + ":claim", "-X", "POST", "-H", $"authorization: Bearer {tokens.Department}", "-H", "content-type: application/json", "-d", "{\"ticketId\":");
            var claimed = await CurlAsync(ticket + ":claim", "-X", "POST", "-H", $"authorization: Bearer {tokens.Department}", "-H", "content-type: application/json", "-d", "{}");
            var onGrpcPort = await CurlAsync($"{host.GrpcAddress}v1/department/tickets/{id}", "--http2-prior-knowledge", "-H", $"authorization: Bearer {tokens.Department}");

            Assert.Equal(["401", "404", "400", "200", "405"], new[] { anonymous, other, badJson, claimed, onGrpcPort }.Select(r => r.Status));
            Assert.Contains("\"code\":16", anonymous.Body, StringComparison.Ordinal);
            Assert.Contains("TICKET_STATE_CLAIMED", claimed.Body, StringComparison.Ordinal);
        }
        finally
        {
            settings.DeleteDataDir();
        }
    }

    /// <summary>Two tickets created over gRPC and dispatched to the tokens' department.</summary>
    private static async Task<(string First, string Second)> DispatchedAsync(HostProcess host, DeskTokens tokens)
    {
        using var client = new GrpcTestClient(host.GrpcAddress);
        var desk = new DeskCaller(client, tokens);
        var first = (await desk.CreateAsync("工地夜间施工噪声")).Value.TicketId;
        var second = (await desk.CreateAsync("路灯不亮")).Value.TicketId;
        _ = (await desk.DispatchAsync(first)).Value;
        _ = (await desk.DispatchAsync(second)).Value;
        return (first, second);
    }

    /// <summary>Runs curl; the HTTP status is written after the body on its own line.</summary>
    private static async Task<(string Status, string Body)> CurlAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("curl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-s", "-w", "\n%{http_code}", "--max-time", "30", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var curl = Process.Start(start)!;
        var output = await curl.StandardOutput.ReadToEndAsync();
        await curl.WaitForExitAsync();
        var split = output.LastIndexOf('\n');
        return (output[(split + 1)..], output[..Math.Max(split, 0)]);
    }
}

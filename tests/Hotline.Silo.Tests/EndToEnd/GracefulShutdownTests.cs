using Grpc.Core;
using Hotline.Api.V1;

namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>SIGTERM drains: calls already open at the server complete, a watch stream ends cleanly, the process exits 0.</summary>
public sealed class GracefulShutdownTests
{
    private const int HeldCalls = 8;
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Sigterm_WatchOpenAndUnaryCallsInFlight_CallsCompleteAndProcessExitsZero()
    {
        var settings = HostSettingsArgs.Sqlite();
        try
        {
            await using var host = await HostProcess.StartAsync(settings);
            var tokens = await DeskTokens.IssueAsync(settings);
            using var client = new GrpcTestClient(host.GrpcAddress);
            var desk = new DeskCaller(client, tokens);
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var ticket = (await desk.CreateAsync()).Value;
            using var watch = desk.Watch(limit.Token);
            _ = (await desk.DispatchAsync(ticket.TicketId)).Value;
            Assert.Equal(ticket.TicketId, (await watch.ReadAsync(limit.Token))?.Ticket.TicketId);

            var release = new TaskCompletionSource();
            var opened = Enumerable.Range(0, HeldCalls).Select(_ => new TaskCompletionSource()).ToList();
            var calls = opened.Select(o => client.HeldUnaryAsync(
                GrpcTestClient.DepartmentDesk, "AddProgress", new AddProgressRequest { TicketId = ticket.TicketId, Content = "停机前" }, Ticket.Parser, tokens.Department, o, release.Task)).ToList();
            await Task.WhenAll(opened.Select(o => o.Task)).WaitAsync(limit.Token);

            await host.TerminateAsync();
            await host.WaitForOutputAsync("Shutting down: draining in-flight calls", TimeSpan.FromSeconds(10));
            release.SetResult();
            var replies = await Task.WhenAll(calls).WaitAsync(limit.Token);
            var streamEnd = await watch.ReadAsync(limit.Token);
            var exited = await host.WaitForExitAsync(ShutdownTimeout);

            Assert.All(replies, r => Assert.True(r.IsOk, $"{r.Status}: {r.Message}"));
            Assert.Equal(Enumerable.Range(3, HeldCalls).Select(v => (long)v), replies.Select(r => r.Value.Version).Order());
            Assert.Null(streamEnd);
            Assert.Equal(StatusCode.OK, watch.Status.Status);
            Assert.True(exited, $"the host did not exit within {ShutdownTimeout}:\n{host.Output}");
            Assert.True(host.ExitCode == 0, $"exit code {host.ExitCode}:\n{host.Output}");
        }
        finally
        {
            settings.DeleteDataDir();
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Hotline.Api.V1;

namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>
/// Issue 9 item 3 against the host process: storage faults answer UNAVAILABLE (retryable), /healthz and
/// grpc.health.v1 turn red within 2 s, and the host recovers without a restart once the fault is gone.
/// Disk full needs root (a 3 MB tmpfs as DataDir).
/// </summary>
public sealed class StorageFaultTests
{
    private static readonly TimeSpan HealthAnswer = TimeSpan.FromSeconds(2);

    [RootFact]
    public async Task CreateTicket_DiskFull_UnavailableHealthRedThenRecovers()
    {
        var mount = Path.Combine(Path.GetTempPath(), "hotline-fault-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(mount);
        await RunAsync("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", mount);
        var settings = new HostSettingsArgs(Path.Combine(mount, "data"));
        try
        {
            await using var host = await HostProcess.StartAsync(settings);
            var agent = await host.IssueTokenAsync("--staff", "a1", "--role", "agent");
            using var client = new GrpcTestClient(host.GrpcAddress);
            Assert.Equal(StatusCode.OK, (await CreateAsync(client, agent)).Status);

            var filler = Path.Combine(mount, "filler");
            Fill(filler);

            var refused = await FirstRefusalAsync(client, agent);
            var (healthz, grpcHealth) = await HealthAsync(host);

            File.Delete(filler);

            var recovered = await FirstOkAsync(client, agent);
            var (healthzAfter, grpcHealthAfter) = await HealthAsync(host);

            Assert.Equal(StatusCode.Unavailable, refused);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, healthz);
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, grpcHealth);
            Assert.Equal(StatusCode.OK, recovered);
            Assert.Equal(HttpStatusCode.OK, healthzAfter);
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, grpcHealthAfter);
        }
        finally
        {
            await RunAsync("umount", "-l", mount);
            Directory.Delete(mount, recursive: true);
        }
    }

    [Fact]
    public async Task CreateTicket_DataDirectoryDeleted_UnavailableAndHealthRed()
    {
        var settings = HostSettingsArgs.Sqlite();
        try
        {
            await using var host = await HostProcess.StartAsync(settings);
            var agent = await host.IssueTokenAsync("--staff", "a1", "--role", "agent");
            using var client = new GrpcTestClient(host.GrpcAddress);
            Assert.Equal(StatusCode.OK, (await CreateAsync(client, agent)).Status);

            Directory.Delete(settings.DataDir, recursive: true);
            var refused = await CreateAsync(client, agent);
            var (healthz, grpcHealth) = await HealthAsync(host);

            // Not OK: an acknowledged ticket in a deleted file would be lost at the next start.
            Assert.Equal(StatusCode.Unavailable, refused.Status);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, healthz);
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, grpcHealth);
        }
        finally
        {
            settings.DeleteDataDir();
        }
    }

    [Theory]
    [InlineData("stopped")]
    [InlineData("frozen")]
    public async Task CreateTicket_PostgresDown_UnavailableHealthRedThenRecovers(string fault)
    {
        await using var postgres = await ThrowawayPostgres.StartAsync();
        // Short timeouts so a hung server fails the call in seconds, as a production setting would.
        var settings = HostSettingsArgs.Postgres(postgres.ConnectionString + ";Timeout=3;Command Timeout=5;Cancellation Timeout=1000");
        try
        {
            await using var host = await HostProcess.StartAsync(settings);
            var agent = await host.IssueTokenAsync("--staff", "a1", "--role", "agent");
            using var client = new GrpcTestClient(host.GrpcAddress);
            Assert.Equal(StatusCode.OK, (await CreateAsync(client, agent)).Status);

            if (fault == "stopped")
            {
                await postgres.StopAsync();
            }
            else
            {
                postgres.Signal("STOP");
            }

            var refused = await CreateAsync(client, agent);
            var (healthz, grpcHealth) = await HealthAsync(host);

            if (fault == "stopped")
            {
                await postgres.RestartAsync();
            }
            else
            {
                postgres.Signal("CONT");
            }

            var recovered = await FirstOkAsync(client, agent);
            var (healthzAfter, _) = await HealthAsync(host);

            Assert.Equal(StatusCode.Unavailable, refused.Status);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, healthz);
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, grpcHealth);
            Assert.Equal(StatusCode.OK, recovered);
            Assert.Equal(HttpStatusCode.OK, healthzAfter);
        }
        finally
        {
            postgres.Signal("CONT");
            settings.DeleteDataDir();
        }
    }

    private static Task<GrpcReply<Ticket>> CreateAsync(GrpcTestClient client, string agent) =>
        client.CreateAsync(agent, "路灯不亮" + new string('。', 2000));

    /// <summary>Creates until one is refused (WAL space already allocated may take a few); returns that status.</summary>
    private static async Task<StatusCode> FirstRefusalAsync(GrpcTestClient client, string agent)
    {
        for (var i = 0; i < 200; i++)
        {
            var reply = await CreateAsync(client, agent);
            if (reply.Status != StatusCode.OK)
            {
                return reply.Status;
            }
        }

        return StatusCode.OK;
    }

    /// <summary>The first call after a fault may still meet a broken pooled connection; a client retries UNAVAILABLE.</summary>
    private static async Task<StatusCode> FirstOkAsync(GrpcTestClient client, string agent)
    {
        var status = StatusCode.Unknown;
        for (var i = 0; i < 10 && status != StatusCode.OK; i++)
        {
            status = (await CreateAsync(client, agent)).Status;
            if (status != StatusCode.OK)
            {
                await Task.Delay(500);
            }
        }

        return status;
    }

    /// <summary>/healthz and grpc.health.v1 Check, each with a 2 s limit: a late answer fails the test.</summary>
    private static async Task<(HttpStatusCode Healthz, HealthCheckResponse.Types.ServingStatus Grpc)> HealthAsync(HostProcess host)
    {
        using var http = new HttpClient { Timeout = HealthAnswer };
        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{host.HttpPort}/healthz"));
        using var channel = GrpcChannel.ForAddress(host.GrpcAddress);
        // The limit is on the answer, not on opening the connection (under a parallel test run that alone took
        // most of the 0.5 s left after the check's 1.5 s budget).
        await channel.ConnectAsync();
        var answer = await new Health.HealthClient(channel).CheckAsync(
            new HealthCheckRequest(), deadline: TimeProvider.System.GetUtcNow().UtcDateTime + HealthAnswer);
        return (response.StatusCode, answer.Status);
    }

    private static void Fill(string path)
    {
        // Unbuffered: each write reaches the file system, so the first ENOSPC ends the loop with nothing pending.
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                file.Write(block);
            }
        }
        catch (IOException)
        {
            // ENOSPC: the file system is full now.
        }
    }

    internal static async Task RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })
            ?? throw new InvalidOperationException($"could not run {program}");
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode.ToString(CultureInfo.InvariantCulture)}: {await error}");
        }
    }
}

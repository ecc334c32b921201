using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>
/// The HTTP port against a client that sends oversized bodies or holds many connections: each is refused on
/// its own, and the host keeps serving everyone else.
/// </summary>
public sealed class HttpPortLimitsTests
{
    private const int FourMiB = 4 * 1024 * 1024;

    [Fact]
    public async Task JsonDesk_BodyOverFourMiB_RefusedAsTooLarge_BodyUnderIsRead()
    {
        var settings = HostSettingsArgs.Sqlite();
        try
        {
            await using var host = await HostProcess.StartAsync(settings);
            var department = await host.IssueTokenAsync("--department", "zjw");
            // Expect: 100-continue, as a careful client sends a large body: the host refuses a declared length over
            // the cap before the body is sent. Without it the host's early answer and close may meet a client still
            // writing (broken pipe), which says nothing about the host.
            using var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(120) };
            using var http = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{host.HttpPort}"), Timeout = TimeSpan.FromSeconds(120) };
            http.DefaultRequestHeaders.ExpectContinue = true;
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", department);

            var tooLarge = await ReturnAsync(http, FourMiB + 1024);
            var underLimit = await ReturnAsync(http, FourMiB - 1024);
            using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));

            Assert.Equal(HttpStatusCode.BadRequest, tooLarge.Status);
            Assert.Contains("too large", tooLarge.Body, StringComparison.OrdinalIgnoreCase);
            // Read in full and judged on its content (a reason that long, or a ticket that does not exist).
            Assert.DoesNotContain("too large", underLimit.Body, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(underLimit.Status, new[] { HttpStatusCode.BadRequest, HttpStatusCode.NotFound });
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        finally
        {
            settings.DeleteDataDir();
        }
    }

    [Fact]
    public async Task HttpPort_ConnectionsOverPerAddressCap_ClosedAndOthersServed()
    {
        var settings = HostSettingsArgs.Sqlite();
        try
        {
            await using var host = await HostProcess.StartAsync(settings, "--Http:MaxConnectionsPerAddress=4");
            var held = new List<TcpClient>();
            for (var i = 0; i < 5; i++)
            {
                var tcp = new TcpClient();
                await tcp.ConnectAsync("127.0.0.1", host.HttpPort);
                held.Add(tcp);
            }

            // Which of the five is over the cap depends on the order Kestrel runs them: exactly one is closed
            // before any byte is read; the other four wait for a request.
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var reads = held.Select(tcp => tcp.GetStream().ReadAsync(new byte[64], limit.Token).AsTask()).ToList();
            var firstRead = await await Task.WhenAny(reads);
            var closedSoFar = reads.Count(read => read.IsCompleted);
            held.ForEach(tcp => tcp.Dispose());
            await Task.WhenAll(reads.Select(read => read.ContinueWith(_ => { }, TaskScheduler.Default)));
            var served = await ServedOnceSlotsFreeAsync(host.HttpPort);

            Assert.Equal(0, firstRead);
            Assert.Equal(1, closedSoFar);
            Assert.Equal(HttpStatusCode.OK, served);
        }
        finally
        {
            settings.DeleteDataDir();
        }
    }

    private static async Task<(HttpStatusCode Status, string Body)> ReturnAsync(HttpClient http, int bodyBytes)
    {
        var filler = new string('x', bodyBytes - 16);
        using var content = new StringContent($"{{\"reason\":\"{filler}\"}}", Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/v1/department/tickets/20261207-000000-000001:return", UriKind.Relative), content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<HttpStatusCode> ServedOnceSlotsFreeAsync(int port)
    {
        // The host frees a slot when it notices the closed connection; until then a new one may be over the cap.
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"), limit.Token);
                return response.StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200, limit.Token);
            }
        }
    }
}

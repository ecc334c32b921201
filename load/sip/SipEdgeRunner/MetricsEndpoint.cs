using System.Globalization;
using System.Net;
using System.Text;
using Hotline.Silo.Metrics;

namespace Hotline.Load.Sip;

/// <summary>
/// GET /metrics on 127.0.0.1 with the host's Prometheus exporter, so load/sip/call-load.sh reads the same
/// figures from the runner as from the host. Meters here are process-wide (no meter factory), which the
/// exporter's null scope selects.
/// </summary>
internal sealed class MetricsEndpoint : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly PrometheusExporter _exporter = new((object?)null);
    private readonly Task _serving;

    public MetricsEndpoint(int port)
    {
        _listener.Prefixes.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _serving.ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
        }
        _exporter.Dispose();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var response = context.Response;
            if (context.Request.Url?.AbsolutePath != "/metrics")
            {
                response.StatusCode = 404;
                continue;
            }
            var body = Encoding.UTF8.GetBytes(_exporter.Scrape());
            response.ContentType = PrometheusText.ContentType;
            response.ContentLength64 = body.Length;
            await response.OutputStream.WriteAsync(body).ConfigureAwait(false);
        }
    }
}

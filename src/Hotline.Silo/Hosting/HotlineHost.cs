using Hotline.Silo.Cluster;
using Hotline.Silo.Dashboard;
using Hotline.Silo.Demo;
using Hotline.Silo.Metrics;
using Hotline.Silo.Reports;
using Hotline.Silo.WebConsole;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Hotline.Silo.Hosting;

/// <summary>Builds the server: two Kestrel listeners (HTTP/1.1 pages, HTTP/2 gRPC), storage, the Orleans silo, metrics.</summary>
internal static class HotlineHost
{
    /// <summary>
    /// Builds the server from configuration arguments (<c>--Key=value</c>); <paramref name="loadDemo"/> is false for
    /// <c>--no-demo</c>; <paramref name="configureServices"/> lets tests add services (e.g. a test grain) last.
    /// </summary>
    public static WebApplication Build(string[] configurationArgs, bool loadDemo, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = configurationArgs,
            ContentRootPath = AppContext.BaseDirectory,
        });
        HotlineConfiguration.ResolveDataDirectory(builder.Configuration, builder.Configuration);
        HotlineConfiguration.UseJsonConsole(builder.Logging, toStandardError: false);
        var settings = HostSettings.Read(builder.Configuration);
        var cluster = ClusterSettings.Read(builder.Configuration);
        var ports = new ListenerPorts();

        builder.WebHost.ConfigureKestrel(kestrel => Listen(kestrel, settings, ports));
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = settings.ShutdownTimeout);
        builder.Services.AddSingleton(ports);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<PrometheusExporter>();
        builder.Services.AddSingleton<StorageHealthCheck>();
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        builder.Services.AddStorageParts(builder.Configuration);
        builder.UseHotlineSilo(cluster);
        builder.Services.AddDemoOrganisation(loadDemo);
        builder.Services.AddServerParts(builder.Configuration);
        builder.Services.AddConsoleAccess(builder.Configuration);
        builder.Services.AddWebConsole(builder.Configuration);
        builder.Services.AddReportAccess();
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();

        // The exporter's listener only sees measurements made after it exists: start it with the host,
        // not at the first scrape.
        app.Services.GetRequiredService<PrometheusExporter>();
        // Routing first; then each request keeps only the endpoints of the listener it arrived on.
        app.UseRouting();
        app.Use(HttpBodyLimit.Middleware(ports));
        app.UseWebConsole();
        app.UseAuthentication();
        app.UseAuthorization();
        Composition.MapGrpcParts(app, ports);
        app.MapHealthChecks("/healthz");
        app.MapGet("/metrics", (PrometheusExporter exporter) => Results.Text(exporter.Scrape(), PrometheusText.ContentType));
        app.MapSupervisorDashboard();
        app.MapWebConsole();
        app.MapReports();
        LogLifecycle(app, settings, ports);
        return app;
    }

    private static void Listen(KestrelServerOptions kestrel, HostSettings settings, ListenerPorts ports)
    {
        kestrel.Listen(settings.HttpBind, settings.HttpPort, listen =>
        {
            listen.Protocols = HttpProtocols.Http1;
            listen.Use(new ConnectionsPerAddress(settings.HttpMaxConnectionsPerAddress).Middleware);
            ports.HttpListener = listen;
        });
        kestrel.Listen(settings.GrpcBind, settings.GrpcPort, listen =>
        {
            // Cleartext HTTP/2 only: clients connect with prior knowledge (h2c), as gRPC clients do.
            listen.Protocols = HttpProtocols.Http2;
            if (settings.TlsCertificatePath is { } certificate)
            {
                listen.UseHttps(certificate, settings.TlsCertificatePassword);
            }

            listen.Use(new ConnectionsPerAddress(settings.MaxConnectionsPerAddress).Middleware);
            ports.GrpcListener = listen;
        });
    }

    private static void LogLifecycle(WebApplication app, HostSettings settings, ListenerPorts ports)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Hotline.Silo.Host");
        app.Lifetime.ApplicationStarted.Register(() => HostLog.Listening(
            logger,
            settings.HttpBind.ToString(),
            ports.HttpPort,
            settings.TlsCertificatePath is null ? "h2c" : "TLS",
            settings.GrpcBind.ToString(),
            ports.GrpcPort,
            app.Configuration["DataDir"]!));
        app.Lifetime.ApplicationStopping.Register(() => HostLog.ShuttingDown(logger, settings.ShutdownTimeout));
    }
}

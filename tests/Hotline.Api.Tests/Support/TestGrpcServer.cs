using System.Net;
using Hotline.Api.Grpc;
using Hotline.Contracts.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotline.Api.Tests.Support;

/// <summary>A real Kestrel server on a free loopback port, h2c only, serving <see cref="EchoService"/> and whatever a test adds.</summary>
internal sealed class TestGrpcServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestGrpcServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public EchoService Echo => _app.Services.GetRequiredService<EchoService>();

    public IServiceProvider Services => _app.Services;

    public static async Task<TestGrpcServer> StartAsync(
        TimeProvider? timeProvider = null,
        Action<GrpcServerOptions>? configure = null,
        bool endpointRouting = false,
        Action<IServiceCollection>? addServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        builder.Services.AddSingleton<ITokenValidator, TestTokenValidator>();
        builder.Services.AddHotlineGrpc(configure);
        builder.Services.AddGrpcService<EchoService>();
        addServices?.Invoke(builder.Services);
        var app = builder.Build();
        if (endpointRouting)
        {
            app.MapHotlineGrpc();
        }
        else
        {
            app.UseHotlineGrpc();
        }

        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestGrpcServer(app, new Uri(address));
    }

    public RawGrpcClient CreateClient() => new(Address);

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

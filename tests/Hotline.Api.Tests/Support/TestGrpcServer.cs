using System.Net;
using Grpc.Net.Client;
using Hotline.Api.Pipeline;
using Hotline.Contracts.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotline.Api.Tests.Support;

/// <summary>
/// A real Kestrel server on a free loopback port, h2c only, with the hotline's gRPC pipeline (interceptors,
/// listener checks, reflection, health) serving <see cref="EchoService"/> and whatever a test adds.
/// </summary>
internal sealed class TestGrpcServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestGrpcServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { MaxReceiveMessageSize = null });
    }

    public Uri Address { get; }

    /// <summary>A Grpc.Net.Client channel to the server.</summary>
    public GrpcChannel Channel { get; }

    public EchoService Echo => _app.Services.GetRequiredService<EchoService>();

    public IServiceProvider Services => _app.Services;

    public static async Task<TestGrpcServer> StartAsync(Action<IServiceCollection>? addServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton<ITokenValidator, TestTokenValidator>();
        builder.Services.AddHotlineGrpc();
        builder.Services.AddGrpcService<EchoService>();
        addServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseRouting();
        app.UseGrpcListener(_ => true);
        app.MapHotlineGrpc();
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestGrpcServer(app, new Uri(address));
    }

    public TestGrpcClient CreateClient() => new(Channel);

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

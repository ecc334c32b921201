using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hotline.Silo.Hosting;

namespace Hotline.Silo.Tests.Hosting;

public sealed class HostTlsTests
{
    [Fact]
    public async Task GrpcPort_CertificateConfigured_SpeaksHttp2OverTls()
    {
        var pfx = WriteSelfSignedPfx("secret");
        await using var host = await RunningHost.StartAsync(
            loadDemo: false, extraArgs: [$"--Grpc:Tls:CertificatePath={pfx}", "--Grpc:Tls:CertificatePassword=secret"]);
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.Subject == "CN=hotline-test";
        using var client = new HttpClient(handler);
        var content = new ByteArrayContent([0, 0, 0, 0, 0]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"https://127.0.0.1:{host.Ports.GrpcPort}/hotline.v1.Nowhere/Nothing")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal("12", response.Headers.GetValues("grpc-status").Single());
        File.Delete(pfx);
    }

    [Fact]
    public void Build_CertificateFileMissing_RefusesNamingTheKey()
    {
        var error = Assert.Throws<HostSettingsException>(() => HotlineHost.Build(
            ["--Grpc:Tls:CertificatePath=/nonexistent/hotline.pfx", $"--DataDir={RunningHost.NewDataDir()}"], loadDemo: false));

        Assert.Contains("Grpc:Tls:CertificatePath", error.Message);
    }

    private static string WriteSelfSignedPfx(string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=hotline-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        var path = Path.Combine(Path.GetTempPath(), $"hotline-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}

using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hotline.Telephony.Tests.Support;

/// <summary>
/// A self-signed certificate for the edge's TLS port, made fresh per test (no private key is ever
/// committed) and written both as a password-protected PFX and as PEM certificate plus PEM key.
/// </summary>
internal sealed class TestCertificate : IDisposable
{
    public const string PfxPassword = "test-only";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("hotline-tls-");

    public TestCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=hotline.local", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("hotline.local");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        Thumbprint = certificate.Thumbprint;
        PfxPath = Path.Combine(_directory.FullName, "edge.pfx");
        File.WriteAllBytes(PfxPath, certificate.Export(X509ContentType.Pkcs12, PfxPassword));
        PemPath = Path.Combine(_directory.FullName, "edge.crt");
        File.WriteAllText(PemPath, certificate.ExportCertificatePem());
        KeyPath = Path.Combine(_directory.FullName, "edge.key");
        File.WriteAllText(KeyPath, key.ExportPkcs8PrivateKeyPem());
    }

    public string Thumbprint { get; }

    public string PfxPath { get; }

    /// <summary>The certificate alone (also the CA file a phone trusts: it is self-signed).</summary>
    public string PemPath { get; }

    public string KeyPath { get; }

    /// <summary>Edge settings for TLS on a free port from the PFX.</summary>
    public Dictionary<string, string?> PfxSettings() => new()
    {
        ["Sip:TlsPort"] = "0",
        ["Sip:TlsCertificatePath"] = PfxPath,
        ["Sip:TlsCertificatePassword"] = PfxPassword,
    };

    /// <summary>Edge settings for TLS on a free port from the PEM pair.</summary>
    public Dictionary<string, string?> PemSettings() => new()
    {
        ["Sip:TlsPort"] = "0",
        ["Sip:TlsCertificatePath"] = PemPath,
        ["Sip:TlsKeyPath"] = KeyPath,
    };

    public void Dispose() => _directory.Delete(recursive: true);
}

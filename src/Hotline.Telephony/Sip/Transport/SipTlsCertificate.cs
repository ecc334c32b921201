using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hotline.Telephony.Sip.Transport;

/// <summary>Loads the edge's TLS identity from Sip:TlsCertificatePath: PKCS#12 by extension, PEM otherwise.</summary>
internal static class SipTlsCertificate
{
    public static SslServerAuthenticationOptions? ServerOptions(SipOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.TlsCertificatePath))
        {
            return null;
        }
        return new SslServerAuthenticationOptions
        {
            ServerCertificate = Load(options.TlsCertificatePath, options.TlsKeyPath, options.TlsCertificatePassword),
            // Phones authenticate with SIP digest, not client certificates (RFC 3261 §26.3.1 allows either).
            ClientCertificateRequired = false,
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        };
    }

    public static X509Certificate2 Load(string certificatePath, string keyPath, string password)
    {
        try
        {
            var extension = Path.GetExtension(certificatePath);
            if (extension.Equals(".pfx", StringComparison.OrdinalIgnoreCase) || extension.Equals(".p12", StringComparison.OrdinalIgnoreCase))
            {
                return X509CertificateLoader.LoadPkcs12FromFile(certificatePath, string.IsNullOrEmpty(password) ? null : password);
            }
            var pem = X509Certificate2.CreateFromPemFile(certificatePath, string.IsNullOrEmpty(keyPath) ? null : keyPath);
            // An ephemeral PEM key is exported once so every platform's TLS stack can use it.
            using (pem)
            {
                return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
            }
        }
        catch (Exception exception) when (exception is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Sip:TlsCertificatePath: cannot load a certificate with its private key from '{certificatePath}': {exception.Message}", exception);
        }
    }
}

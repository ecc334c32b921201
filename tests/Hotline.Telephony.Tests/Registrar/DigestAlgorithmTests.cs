using Hotline.Telephony.Registrar;

namespace Hotline.Telephony.Tests.Registrar;

/// <summary>The worked example of RFC 7616 §3.9.1, computed with our hash in the qop=auth formula.</summary>
public sealed class DigestAlgorithmTests
{
    [Theory]
    [InlineData("MD5", "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void Hash_Rfc7616Example_GivesPublishedResponse(string algorithm, string expected)
    {
        const string Nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
        const string CNonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
        var ha1 = DigestAlgorithm.Hash(algorithm, "Mufasa:http-auth@example.org:Circle of Life");
        var ha2 = DigestAlgorithm.Hash(algorithm, "GET:/dir/index.html");

        var response = DigestAlgorithm.Hash(algorithm, $"{ha1}:{Nonce}:00000001:{CNonce}:auth:{ha2}");

        Assert.Equal(expected, response);
    }
}

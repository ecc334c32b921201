using System.Globalization;
using System.Security.Cryptography;

namespace Hotline.Silo.Staff;

/// <summary>
/// Password hashes for console accounts: PBKDF2-HMAC-SHA256 with a random 16-byte salt per hash, stored as
/// <c>pbkdf2-sha256$iterations$salt$hash</c> (base64) so the work factor can be raised later without
/// invalidating stored hashes.
/// </summary>
internal static class StaffPassword
{
    /// <summary>OWASP's 2023 figure for PBKDF2-HMAC-SHA256 is 600,000; 210,000 keeps a sign-in near 0.1 s on a shared 2-core host.</summary>
    public const int Iterations = 210_000;
    private const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>Whether the password matches the stored hash; a malformed stored value matches nothing.</summary>
    public static bool Verify(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            return false;
        }

        try
        {
            var salt = Convert.FromBase64String(parts[2]);
            var expected = Convert.FromBase64String(parts[3]);
            var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

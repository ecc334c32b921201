namespace Hotline.Contracts.Tickets;

/// <summary>Hides the middle of a caller's phone number from departments (138****1234).</summary>
public static class PhoneMask
{
    private const int KeptPrefix = 3;
    private const int KeptSuffix = 4;

    /// <summary>
    /// Keeps the first 3 and last 4 characters and stars the rest, so a mainland mobile number reads
    /// 138****1234. Numbers too short to keep both ends keep only the last 4 (or nothing).
    /// </summary>
    public static string Mask(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        if (phone.Length > KeptPrefix + KeptSuffix)
        {
            return string.Concat(phone.AsSpan(0, KeptPrefix), new string('*', phone.Length - KeptPrefix - KeptSuffix), phone.AsSpan(phone.Length - KeptSuffix));
        }

        if (phone.Length > KeptSuffix)
        {
            return string.Concat(new string('*', phone.Length - KeptSuffix), phone.AsSpan(phone.Length - KeptSuffix));
        }

        return new string('*', phone.Length);
    }
}

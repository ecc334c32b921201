namespace Hotline.Silo.Storage.Sql;

/// <summary>
/// Keyset position in a call record list: the last record's (arrived_at, call_id) as stored, in a
/// <see cref="KeysetToken"/> scoped to the list's [from, to).
/// </summary>
internal sealed record CallRecordPageToken(long ArrivedTicks, string CallId)
{
    private const string Version = "c1";

    public string Encode(DateTimeOffset from, DateTimeOffset to) => KeysetToken.Encode(Version, ArrivedTicks, CallId, Scope(from, to));

    /// <exception cref="ArgumentException">The token is malformed or was issued for another range.</exception>
    public static CallRecordPageToken Decode(string text, DateTimeOffset from, DateTimeOffset to) =>
        KeysetToken.TryDecode(text, Version, Scope(from, to), out var ticks, out var callId) switch
        {
            KeysetTokenStatus.Valid => new CallRecordPageToken(ticks, callId),
            KeysetTokenStatus.Malformed => throw new ArgumentException("the page token is malformed.", "pageToken"),
            _ => throw new ArgumentException("the page token is damaged or was issued for another time range; repeat the same range or start without a token.", "pageToken"),
        };

    private static string Scope(DateTimeOffset from, DateTimeOffset to) =>
        KeysetToken.Scope(KeysetToken.Ticks(from.UtcTicks), KeysetToken.Ticks(to.UtcTicks));
}

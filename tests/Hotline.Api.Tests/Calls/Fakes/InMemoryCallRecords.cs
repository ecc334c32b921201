using System.Collections.Concurrent;
using System.Globalization;
using Hotline.Telephony.Acd.CallRecords;

namespace Hotline.Api.Tests.Calls.Fakes;

/// <summary>
/// An in-memory <see cref="ICallDetailRecordStore"/> keeping the store's contract: records in [from, to)
/// oldest first, an offset as page token ("at:2"), and a token it did not issue refused with an ArgumentException
/// naming pageToken, as the SQL store does; "num:2" tokens are parsed the way Telephony's in-memory store does.
/// </summary>
internal sealed class InMemoryCallRecords : ICallDetailRecordStore
{
    private readonly ConcurrentDictionary<string, CallDetailRecord> _records = new(StringComparer.Ordinal);

    /// <summary>The arguments of each ListAsync, to check what the service passed on.</summary>
    public ConcurrentQueue<(DateTimeOffset From, DateTimeOffset To, int PageSize, string? PageToken)> Lists { get; } = new();

    public Task SaveAsync(CallDetailRecord record, CancellationToken cancellationToken)
    {
        _records[record.CallId] = record;
        return Task.CompletedTask;
    }

    public Task<CallDetailRecord?> FindAsync(string callId, CancellationToken cancellationToken) =>
        Task.FromResult(_records.GetValueOrDefault(callId));

    public Task<CallRecordPage> ListAsync(DateTimeOffset from, DateTimeOffset to, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        Lists.Enqueue((from, to, pageSize, pageToken));
        int offset = 0;
        if (pageToken is not null && pageToken.StartsWith("num:", StringComparison.Ordinal))
        {
            // As Telephony's in-memory default does: a bad number throws FormatException or OverflowException.
            offset = int.Parse(pageToken.AsSpan(4), CultureInfo.InvariantCulture);
        }
        else if (pageToken is not null && !(pageToken.StartsWith("at:", StringComparison.Ordinal)
            && int.TryParse(pageToken.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out offset)))
        {
            throw new ArgumentException("not a token of this store", nameof(pageToken));
        }

        var window = _records.Values
            .Where(r => r.ArrivedAt is { } at && at >= from && at < to)
            .OrderBy(r => r.ArrivedAt)
            .ThenBy(r => r.CallId, StringComparer.Ordinal)
            .ToList();
        var page = window.Skip(offset).Take(pageSize).ToList();
        string? next = offset + page.Count < window.Count ? $"at:{offset + page.Count}" : null;
        return Task.FromResult(new CallRecordPage(page, next));
    }
}

using System.Globalization;
using Hotline.Telephony.Acd.CallRecords;

namespace Hotline.Telephony.Calls;

/// <summary>The library's default CDR store, for the edge on its own (tests, a lab); the host replaces it with its database.</summary>
internal sealed class InMemoryCallDetailRecordStore : ICallDetailRecordStore
{
    private readonly Dictionary<string, CallDetailRecord> _records = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task SaveAsync(CallDetailRecord record, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _records[record.CallId] = record;
        }
        return Task.CompletedTask;
    }

    public Task<CallDetailRecord?> FindAsync(string callId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_records.GetValueOrDefault(callId));
        }
    }

    public Task<CallRecordPage> ListAsync(DateTimeOffset from, DateTimeOffset to, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 500);
        var skip = 0;
        if (pageToken is not null && (!int.TryParse(pageToken, NumberStyles.None, CultureInfo.InvariantCulture, out skip) || skip < 0))
        {
            // The same convention as the host's SQL store: a token we did not hand out is the caller's error.
            throw new ArgumentException("page token is not one this store handed out", nameof(pageToken));
        }
        lock (_gate)
        {
            var matching = _records.Values
                .Where(r => r.ArrivedAt >= from && r.ArrivedAt < to)
                .OrderBy(r => r.ArrivedAt).ThenBy(r => r.CallId, StringComparer.Ordinal)
                .Skip(skip).Take(pageSize + 1).ToList();
            var next = matching.Count > pageSize ? (skip + pageSize).ToString(CultureInfo.InvariantCulture) : null;
            return Task.FromResult(new CallRecordPage(matching.Take(pageSize).ToList(), next));
        }
    }
}

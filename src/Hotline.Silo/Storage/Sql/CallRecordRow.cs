using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.CallRecords;

namespace Hotline.Silo.Storage.Sql;

/// <summary>
/// A call record as read with the callback request it left (callback_requests joined on the call id; the
/// Cb… columns are null when it left none). Dapper fills it by the column aliases in <see cref="Select"/>.
/// </summary>
internal sealed class CallRecordRow
{
    /// <summary>The select list and join, for a query that adds its WHERE, ORDER and LIMIT.</summary>
    public const string Select =
        """
        SELECT r.call_id AS CallId, r.arrived_at AS ArrivedAt, r.record_json AS RecordJson,
            cb.kind AS CbKind, cb.requested_at AS CbRequestedAt, cb.attempt_log AS CbAttemptLog, cb.next_attempt_at AS CbNextAttemptAt,
            cb.completed_at AS CbCompletedAt, cb.outcome AS CbOutcome, cb.flag_reason AS CbFlagReason
        FROM call_records r LEFT JOIN callback_requests cb ON cb.call_id = r.call_id
        """;

    public string CallId { get; set; } = "";

    public object? ArrivedAt { get; set; }

    public string RecordJson { get; set; } = "";

    public string? CbKind { get; set; }

    public object? CbRequestedAt { get; set; }

    public string? CbAttemptLog { get; set; }

    public object? CbNextAttemptAt { get; set; }

    public object? CbCompletedAt { get; set; }

    public string? CbOutcome { get; set; }

    public string? CbFlagReason { get; set; }

    /// <summary>The callback's progress; the next attempt only while it is pending.</summary>
    public CallbackProgress? Callback(SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        if (CbKind is null || CbRequestedAt is null)
        {
            return null;
        }

        return new CallbackProgress(
            StoredName.Parse<CallbackKind>(CbKind),
            dialect.FromDb(CbRequestedAt),
            SqlCallbackRequestStore.ReadLog(CbAttemptLog ?? "[]"),
            CbNextAttemptAt is null || CbCompletedAt is not null ? null : dialect.FromDb(CbNextAttemptAt),
            CbCompletedAt is null ? null : dialect.FromDb(CbCompletedAt),
            CbOutcome,
            CbFlagReason);
    }
}

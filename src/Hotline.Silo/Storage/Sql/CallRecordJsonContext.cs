using System.Text.Json.Serialization;
using Hotline.Telephony.Acd.CallRecords;

namespace Hotline.Silo.Storage.Sql;

/// <summary>
/// Source-generated JSON of a whole call detail record as kept in call_records.record_json. Enums as names
/// so stored records survive reordering; DateTimeOffset (offset kept) and TimeSpan are written to the tick.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true)]
[JsonSerializable(typeof(CallDetailRecord))]
[JsonSerializable(typeof(List<CallbackAttempt>))]
internal sealed partial class CallRecordJsonContext : JsonSerializerContext;

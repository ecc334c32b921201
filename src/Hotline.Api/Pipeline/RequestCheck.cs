using System.Collections;
using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Hotline.Api.Pipeline;

/// <summary>
/// Checks what protobuf parsing lets through but no method can use, in any request message, naming the
/// field at fault (INVALID_ARGUMENT): a Timestamp or Duration outside its documented range, which would
/// fail the method's conversion as a server fault. Enums are checked by the methods, which know the
/// values each accepts; text that is not UTF-8 never gets this far (Google.Protobuf refuses it while parsing).
/// </summary>
internal static class RequestCheck
{
    // google/protobuf/timestamp.proto: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
    private const long MinTimestampSeconds = -62_135_596_800;
    private const long MaxTimestampSeconds = 253_402_300_799;

    // google/protobuf/duration.proto: about ±10,000 years; seconds and nanos carry the same sign.
    private const long MaxDurationSeconds = 315_576_000_000;
    private const int MaxNanos = 999_999_999;

    private static readonly ConcurrentDictionary<MessageDescriptor, FieldDescriptor[]> CheckedFields = new();

    /// <summary>Throws INVALID_ARGUMENT naming the first field at fault.</summary>
    public static void Validate(IMessage message) => Validate(message, prefix: "");

    private static void Validate(IMessage message, string prefix)
    {
        foreach (var field in CheckedFields.GetOrAdd(message.Descriptor, FieldsToCheck))
        {
            var value = field.Accessor.GetValue(message);
            if (value is null)
            {
                continue;
            }

            var name = prefix + field.Name;
            if (field.IsMap)
            {
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    Check(entry.Key, name);
                    Check(entry.Value, name);
                }
            }
            else if (field.IsRepeated)
            {
                foreach (var item in (IEnumerable)value)
                {
                    Check(item, name);
                }
            }
            else
            {
                Check(value, name);
            }
        }
    }

    private static void Check(object? value, string name)
    {
        switch (value)
        {
            case Timestamp timestamp when timestamp.Seconds is < MinTimestampSeconds or > MaxTimestampSeconds
                || timestamp.Nanos is < 0 or > MaxNanos:
                throw Invalid(name, "is not a valid timestamp");
            case Duration duration when !IsValid(duration):
                throw Invalid(name, "is not a valid duration");
            case IMessage nested when nested is not Timestamp and not Duration:
                Validate(nested, name + ".");
                break;
        }
    }

    private static bool IsValid(Duration duration) =>
        duration.Seconds is >= -MaxDurationSeconds and <= MaxDurationSeconds
        && duration.Nanos is >= -MaxNanos and <= MaxNanos
        && (duration.Seconds == 0 || duration.Nanos == 0 || (duration.Seconds < 0) == (duration.Nanos < 0));

    private static FieldDescriptor[] FieldsToCheck(MessageDescriptor descriptor) =>
        descriptor.Fields.InFieldNumberOrder()
            .Where(f => f.FieldType == FieldType.Message)
            .ToArray();

    private static RpcException Invalid(string field, string problem) =>
        new(new Status(StatusCode.InvalidArgument, $"{field}: {problem}"));
}

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
/// fail the method's conversion as a server fault; an enum number the proto does not define (proto3 keeps
/// unknown numbers). Which defined values a method accepts (e.g. whether UNSPECIFIED is allowed) stays with
/// the method; text that is not UTF-8 never gets this far (Google.Protobuf refuses it while parsing).
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

            // The field's full name is built only for an error or a nested message: every call passes here.
            if (field.FieldType == FieldType.Enum)
            {
                CheckEnum(field, value, prefix);
            }
            else if (field.IsMap)
            {
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    Check(entry.Key, prefix, field);
                    Check(entry.Value, prefix, field);
                }
            }
            else if (field.IsRepeated)
            {
                foreach (var item in (IEnumerable)value)
                {
                    Check(item, prefix, field);
                }
            }
            else
            {
                Check(value, prefix, field);
            }
        }
    }

    private static void Check(object? value, string prefix, FieldDescriptor field)
    {
        switch (value)
        {
            case Timestamp timestamp when timestamp.Seconds is < MinTimestampSeconds or > MaxTimestampSeconds
                || timestamp.Nanos is < 0 or > MaxNanos:
                throw Invalid(prefix + field.Name, "is not a valid timestamp");
            case Duration duration when !IsValid(duration):
                throw Invalid(prefix + field.Name, "is not a valid duration");
            case IMessage nested when nested is not Timestamp and not Duration:
                Validate(nested, prefix + field.Name + ".");
                break;
        }
    }

    private static void CheckEnum(FieldDescriptor field, object value, string prefix)
    {
        if (!field.IsRepeated)
        {
            CheckEnumValue(field, value, prefix);
            return;
        }

        foreach (var item in (IEnumerable)value)
        {
            CheckEnumValue(field, item, prefix);
        }
    }

    private static void CheckEnumValue(FieldDescriptor field, object value, string prefix)
    {
        var number = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
        if (field.EnumType.FindValueByNumber(number) is null)
        {
            throw Invalid(prefix + field.Name, $"{number} is not a value of {field.EnumType.Name}");
        }
    }

    private static bool IsValid(Duration duration) =>
        duration.Seconds is >= -MaxDurationSeconds and <= MaxDurationSeconds
        && duration.Nanos is >= -MaxNanos and <= MaxNanos
        && (duration.Seconds == 0 || duration.Nanos == 0 || (duration.Seconds < 0) == (duration.Nanos < 0));

    private static FieldDescriptor[] FieldsToCheck(MessageDescriptor descriptor) =>
        descriptor.Fields.InFieldNumberOrder()
            .Where(f => f.FieldType is FieldType.Message or FieldType.Enum)
            .ToArray();

    private static RpcException Invalid(string field, string problem) =>
        new(new Status(StatusCode.InvalidArgument, $"{field}: {problem}"));
}

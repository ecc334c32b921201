using Google.Protobuf.WellKnownTypes;
using Riok.Mapperly.Abstractions;

namespace Hotline.Api.Desks;

/// <summary>Time as the protos carry it, for the mappers: Timestamp for instants, Duration for spans.</summary>
[Mapper]
internal static partial class WireTime
{
    public static Timestamp ToTimestamp(DateTimeOffset at) => Timestamp.FromDateTimeOffset(at);

    public static Duration ToDuration(TimeSpan span) => Duration.FromTimeSpan(span);
}

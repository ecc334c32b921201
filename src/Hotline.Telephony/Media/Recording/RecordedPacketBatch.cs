using Hotline.Telephony.Media.Rtp;

namespace Hotline.Telephony.Media.Recording;

/// <summary>
/// Packets a recorder has taken from the relay but not yet written: what the receive thread copies (side,
/// SSRC, timestamp, payload type, arrival position, payload bytes) so that decoding and file writes happen
/// on the recorder's own drain instead. Fixed capacity; nothing is allocated per packet.
/// Not thread-safe; the recorder guards it.
/// </summary>
internal sealed class RecordedPacketBatch
{
    public const int Capacity = 64;
    private const int ByteCapacity = 16 * 1024;

    private readonly Entry[] _entries = new Entry[Capacity];
    private readonly byte[] _bytes = new byte[ByteCapacity];
    private int _used;

    public int Count { get; private set; }

    public bool TryAdd(RtpLegSide side, in RtpHeader header, ReadOnlySpan<byte> payload, long arrival)
    {
        if (Count == Capacity || _used + payload.Length > ByteCapacity)
        {
            return false;
        }

        payload.CopyTo(_bytes.AsSpan(_used));
        _entries[Count++] = new Entry(side, header.Ssrc, header.Timestamp, header.PayloadType, arrival, _used, payload.Length);
        _used += payload.Length;
        return true;
    }

    public ref readonly Entry this[int index] => ref _entries[index];

    public ReadOnlySpan<byte> Payload(in Entry entry) => _bytes.AsSpan(entry.Offset, entry.Length);

    public void Clear()
    {
        Count = 0;
        _used = 0;
    }

    internal readonly record struct Entry(RtpLegSide Side, uint Ssrc, uint Timestamp, byte PayloadType, long Arrival, int Offset, int Length);
}

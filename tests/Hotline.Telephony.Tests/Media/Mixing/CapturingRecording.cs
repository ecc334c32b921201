using Hotline.Telephony.Media.Recording;

namespace Hotline.Telephony.Tests.Media.Mixing;

/// <summary>Keeps the mixed frames fed to a recording.</summary>
internal sealed class CapturingRecording : IMixedRecording
{
    public List<(long Frame, short[] Left, short[] Right)> Frames { get; } = [];

    public int Begun { get; private set; }

    public int Ended { get; private set; }

    public void BeginMixedFeed() => Begun++;

    public void EndMixedFeed() => Ended++;

    public void WriteMixedFrame(long frame, ReadOnlySpan<short> left, ReadOnlySpan<short> right) =>
        Frames.Add((frame, left.ToArray(), right.ToArray()));
}

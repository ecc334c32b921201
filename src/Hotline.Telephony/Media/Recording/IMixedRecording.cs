namespace Hotline.Telephony.Media.Recording;

/// <summary>
/// A recording that can be fed already-mixed audio, one 20 ms frame per channel, instead of the relay's
/// packets: while a conference runs, the bridge writes the caller on the left and everyone else's mix on
/// the right, and the recording ignores the packets its relay tap still sees.
/// </summary>
public interface IMixedRecording
{
    /// <summary>From now on only <see cref="WriteMixedFrame"/> is recorded; the feed's first frame is placed on arrival.</summary>
    void BeginMixedFeed();

    /// <summary>
    /// Records frame number <paramref name="frame"/> of the feed (frames count from the feed's start; a gap in
    /// the numbers is silence). Both spans hold the same number of samples.
    /// </summary>
    void WriteMixedFrame(long frame, ReadOnlySpan<short> left, ReadOnlySpan<short> right);

    /// <summary>Back to recording the relay's packets, each channel re-anchored on its next arrival.</summary>
    void EndMixedFeed();
}

namespace Hotline.Telephony.Media.Rtp;

/// <summary>A stream we generate, paced by a shared <see cref="FrameClock"/>.</summary>
internal interface IFramePaced
{
    /// <summary>Stages the frames that are due now into <paramref name="sends"/>; the clock flushes them.</summary>
    void Tick(RtpSendBatch sends);
}

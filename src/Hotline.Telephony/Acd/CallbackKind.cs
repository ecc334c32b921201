namespace Hotline.Telephony.Acd;

public enum CallbackKind
{
    /// <summary>The caller chose to be called back instead of waiting (queued callback, keeps the place).</summary>
    Queued,

    /// <summary>The caller hung up while waiting (漏接回拨: missed-call callback).</summary>
    Abandoned,

    /// <summary>Nobody answered within the queue's maximum wait and there was no overflow target.</summary>
    Overflow,
}

using Hotline.Telephony.Acd;

namespace Hotline.Silo.Storage;

/// <summary>A callback request not yet completed, with the calls the scheduler has placed for it so far.</summary>
internal sealed record PendingCallback(CallbackRequest Request, int Attempts);

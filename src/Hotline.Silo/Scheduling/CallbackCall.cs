using Hotline.Telephony.Acd;

namespace Hotline.Silo.Scheduling;

/// <summary>One claimed attempt of a callback request, for the dialer.</summary>
internal sealed record CallbackCall(CallbackRequest Request, int Attempt);

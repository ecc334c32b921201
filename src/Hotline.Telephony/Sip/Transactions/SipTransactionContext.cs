using Hotline.Telephony.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace Hotline.Telephony.Sip.Transactions;

/// <summary>What every transaction needs from its layer: a sender, a clock, the timer base values, and a way to leave.</summary>
internal sealed record SipTransactionContext(
    ISipSender Sender,
    TimeProvider Time,
    SipTimers Timers,
    ILogger Logger,
    Action<SipTransaction> OnTerminated);

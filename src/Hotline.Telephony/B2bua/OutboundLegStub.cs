// TEMPORARY: the API of helper H1's OutboundLeg, so the call center compiles before the merge. Deleted at merge.
#pragma warning disable CS0067, CA1822
using System.Net;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transactions;
using Hotline.Telephony.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace Hotline.Telephony.B2bua;

internal sealed class OutboundLegService
{
    public OutboundLegService(SipTransactionLayer transactions, Func<IPEndPoint> localEndPoint, TimeProvider time, SipTimers timers, ILogger logger) { }
    public OutboundLeg Start(OutboundLegRequest request) => throw new NotImplementedException();
    public bool TryHandleInDialog(ISipServerTransaction transaction) => false;
    public IReadOnlyCollection<OutboundLeg> Legs => [];
}

internal sealed record OutboundLegRequest(SipUri Target, SipDestination Destination, string FromUser, string? FromDisplayName, string ToUri, IPEndPoint LocalRtp, TimeSpan RingTimeout);

internal sealed class OutboundLeg
{
    public string CallId => "";
    public OutboundLegState State => OutboundLegState.Calling;
    public Task<OutboundLegResult> Completion => throw new NotImplementedException();
    public event Action<OutboundLeg>? Ringing;
    public event Action<OutboundLeg, string>? RemoteEnded;
    public event Action<OutboundLeg, char>? Digit;
    public Func<OutboundLeg, string, bool>? TransferRequested { get; set; }
    public Task NotifyTransferOutcomeAsync(int status) => Task.CompletedTask;
    public Task CancelAsync() => Task.CompletedTask;
    public Task HangUpAsync(string reason) => Task.CompletedTask;
    public Task<bool> SetHoldAsync(bool hold) => Task.FromResult(true);
}

internal enum OutboundLegState { Calling, Ringing, Connected, Ended }
internal sealed record OutboundLegResult(OutboundLegOutcome Outcome, int StatusCode, string Reason, NegotiatedMedia? Media);
internal enum OutboundLegOutcome { Answered, Rejected, Timeout, Unreachable, Cancelled }
internal sealed record NegotiatedMedia(IPEndPoint RemoteRtp, byte PayloadType, byte? TelephoneEventPayloadType);

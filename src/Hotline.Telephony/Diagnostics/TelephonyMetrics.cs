// TEMPORARY stand-in for helper H4's TelephonyMetrics; replaced at merge.
namespace Hotline.Telephony.Diagnostics;

public sealed class TelephonyMetrics
{
    public void ObserveLive(Func<TelephonyLiveCounts> read) { }
    public void CallArrived() { }
    public void CallAnswered(TimeSpan setup) { }
    public void CallAbandoned() { }
    public void CallEnded() { }
    public void MediaClosed(long received, long forwarded, long dropped) { }
}

public sealed record TelephonyLiveCounts(int ActiveCalls, int WaitingCalls, int ReadyAgents, int BusyAgents, int NotReadyAgents);

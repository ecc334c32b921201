using Hotline.Telephony.Acd.CallRecords;

namespace Hotline.Silo.WebConsole;

/// <summary>
/// Today's call figures for the wallboard, from the kept call records (plain code, no I/O). A call is offered once
/// it reached a queue; 接通率 = answered / offered; the 15-second rate counts answers within 15 s of arrival;
/// ASA is the mean queue wait of answered calls; SL counts answers within the configured wait over offered calls.
/// Rates are null while nothing was offered.
/// </summary>
internal sealed record CallFigures(int Offered, int Answered, int Abandoned, double? AnswerRate, double? Answered15Rate, double? AsaSeconds, double? ServiceLevel)
{
    private static readonly TimeSpan FifteenSeconds = TimeSpan.FromSeconds(15);

    public static CallFigures Compute(IEnumerable<CallDetailRecord> records, TimeSpan serviceLevelWait)
    {
        int offered = 0, answered = 0, abandoned = 0, within15 = 0, withinLevel = 0;
        var waited = TimeSpan.Zero;
        foreach (var record in records.Where(r => r.QueueId is not null))
        {
            offered++;
            if (record.AnsweredAt is not null)
            {
                answered++;
                var wait = record.WaitTime ?? TimeSpan.Zero;
                waited += wait;
                within15 += record.TimeToAnswer is { } toAnswer && toAnswer <= FifteenSeconds ? 1 : 0;
                withinLevel += wait <= serviceLevelWait ? 1 : 0;
            }
            else if (record.Disposition == CallDisposition.AbandonedInQueue)
            {
                abandoned++;
            }
        }

        return new CallFigures(
            offered,
            answered,
            abandoned,
            Rate(answered, offered),
            Rate(within15, offered),
            answered == 0 ? null : waited.TotalSeconds / answered,
            Rate(withinLevel, offered));
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;
}

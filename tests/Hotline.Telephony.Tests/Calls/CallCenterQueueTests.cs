using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.Tests.Edge;
using Hotline.Telephony.Tests.Interop;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Telephony.Tests.Calls;

/// <summary>Trunk calls (sipp from the trunk's address) through greeting and queue when no agent is there to answer.</summary>
[Collection(nameof(SippCollection))]
public sealed class CallCenterQueueTests
{
    [Fact]
    public async Task CallerHangsUpInQueue_RecordedAsAbandonedWithMissedCallCallback()
    {
        using var prompts = new ShortPrompts();
        await using var host = await EdgeHost.StartAsync(extra: new Dictionary<string, string?>
        {
            ["Ivr:PromptDirectory"] = prompts.Folder,
            ["Ivr:Menu:Enabled"] = "false",
        });

        // Built-in UAC: INVITE, ACK, then 1.5 s of waiting (greeting, then queue music) before its BYE.
        var result = await SippRunner.RunFromAsync(EdgeHost.TrunkAddress, host.EndPoint, "builtin:uac", "u1", 1, "-s", "12345", "-d", "1500");
        Assert.True(result.ExitCode == 0, result.ToString());

        var record = await WaitForRecordAsync(host);
        Assert.Equal(CallDisposition.AbandonedInQueue, record.Disposition);
        Assert.Equal(HangUpSide.Caller, record.HangUpSide);
        // Nobody is working the queue, so the wait cannot be estimated and the callback is offered at once.
        Assert.Equal(["greeting", "no-menu", "queue:general", "callback-offer", "hangup"], record.IvrPath);
        Assert.Equal("general", record.QueueId);
        Assert.Equal("12345", record.Called);
        Assert.Null(record.AnsweredAt);
        Assert.True(record.WaitTime > TimeSpan.Zero, record.ToString());
        var callbacks = await host.Services.GetRequiredService<ICallbackRequestStore>().ListPendingAsync(10, CancellationToken.None);
        var callback = Assert.Single(callbacks);
        Assert.Equal(CallbackKind.Abandoned, callback.Kind);
        Assert.Equal(record.CallId, callback.CallId);
        // sipp's built-in caller id is "sipp": kept, but flagged for an agent rather than dialled.
        Assert.Equal(("sipp", "not a dialable number"), (callback.Number, callback.FlagReason));
        host.Logs.AssertNoErrors();
    }

    /// <summary>Polls the store (not a timing assertion): the deadline only bounds a broken run.</summary>
    internal static async Task<CallDetailRecord> WaitForRecordAsync(EdgeHost host, int count = 1)
    {
        var store = host.Services.GetRequiredService<ICallDetailRecordStore>();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var page = await store.ListAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, 500, null, CancellationToken.None);
            if (page.Records.Count >= count)
            {
                return page.Records[^1];
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("no call detail record was saved");
    }
}

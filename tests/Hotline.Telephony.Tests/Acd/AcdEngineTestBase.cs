using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.Events;
using Hotline.Telephony.Tests.Support;

namespace Hotline.Telephony.Tests.Acd;

public abstract class AcdEngineTestBase
{
    protected FakeTimeProvider Time { get; } = new();

    protected static readonly AcdQueueOptions General = new()
    {
        Id = "general",
        Skill = "政务咨询",
        RingTimeout = TimeSpan.FromSeconds(15),
        WrapUp = TimeSpan.FromSeconds(30),
        MaxWait = TimeSpan.FromMinutes(5),
        CallbackOfferThreshold = TimeSpan.FromMinutes(4),
        DefaultHandleTime = TimeSpan.FromMinutes(3),
    };

    protected AcdEngine Engine(AcdQueueOptions? queue = null, params string[] agents)
    {
        var engine = new AcdEngine(Time, new AcdOptions(), [queue ?? General]);
        foreach (string id in agents)
        {
            engine.UpsertAgent(id, new Dictionary<string, int> { ["政务咨询"] = 1 });
        }

        return engine;
    }

    protected static string? OfferedTo(AcdOutcome outcome) => outcome.Events.OfType<CallOffered>().SingleOrDefault()?.AgentId;
}

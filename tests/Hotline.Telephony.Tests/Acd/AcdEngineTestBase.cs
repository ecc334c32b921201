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

    /// <summary>The caller of the call <see cref="Connected"/> puts through.</summary>
    protected const string CallerNumber = "13800138000";

    /// <summary>An engine whose agents (each with the general queue's skill) went READY in the order given.</summary>
    protected AcdEngine ReadyEngine(params string[] agents)
    {
        AcdEngine acd = Engine(null, agents);
        foreach (string id in agents)
        {
            acd.SetReady(id);
        }

        return acd;
    }

    /// <summary>The first agent talking on call c1 (from <see cref="CallerNumber"/>), then the others READY.</summary>
    protected AcdEngine Connected(params string[] agents)
    {
        AcdEngine acd = Engine(null, agents);
        acd.SetReady(agents[0]);
        acd.Enqueue("c1", CallerNumber, "general");
        acd.Answered("c1", agents[0]);
        foreach (string other in agents.Skip(1))
        {
            acd.SetReady(other);
        }

        return acd;
    }

    protected static string? OfferedTo(AcdOutcome outcome) => outcome.Events.OfType<CallOffered>().SingleOrDefault()?.AgentId;
}

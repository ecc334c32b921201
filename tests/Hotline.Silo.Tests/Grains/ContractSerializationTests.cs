using System.Reflection;
using Hotline.Contracts.Agents;
using Hotline.Contracts.Grains;
using Hotline.Contracts.Organisation;
using Hotline.Contracts.Security;
using Hotline.Contracts.Storage;
using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Hotline.Silo.Tests.Grains;

/// <summary>What crosses a grain boundary round-trips through Orleans' serializer, field for field.</summary>
public sealed class ContractSerializationTests
{
    private static readonly Caller Staff = new(CallerKind.Staff, "S01", StaffRole.Supervisor);
    private static readonly DateTimeOffset At = new(2026, 12, 7, 10, 30, 0, TimeSpan.FromHours(8));

    public static TheoryData<object> Values => new()
    {
        Staff,
        new Department("D01", "市住房和城乡建设局", 5),
        new CreateTicket(Staff, "13812341234", "张三", Category.Complaint, "朝阳区", "建国路1号", "楼道灯坏了", Urgency.Emergency),
        new ResolveDirectly(Staff, "已答复"),
        new DispatchTicket(Staff, "D01", ["D02", "D03"], "请核查"),
        new DesignateDepartment(Staff, "D01", [], null),
        new ClaimTicket(Staff),
        new ReturnTicket(Staff, "非本单位职责"),
        new DecideReturn(Staff, "D02", ["D03"], "改派", "理由"),
        new RequestExtension(Staff, 3, "需协调"),
        new DecideExtension(Staff, false, "不同意"),
        new AddProgress(Staff, "已到场"),
        new ResolveTicket(Staff, "已修复"),
        new ReviewReply(Staff, false, "答复不完整"),
        new RecordCallback(Staff, Satisfaction.Unreachable, null),
        new MergeTicket(Staff, "P1", "重复"),
        new AttachMergedChild(Staff, "C1"),
        FullView(),
        new TicketHistoryEntry(7, "returned", "department:D01", At, "非本单位职责", "{\"reason\":\"非本单位职责\"}"),
        new AgentStateChange(At, AgentState.Ready, AgentState.WrapUp, "call ended", "call-9"),
        new StoredAgentStateChange(12, new AgentStateChange(At, AgentState.OnCall, AgentState.NotReady, "break")),
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Serialize_ContractValue_RoundTripsEqual(object value)
    {
        var serializer = NewSerializer();

        var copy = serializer.Deserialize<object>(serializer.SerializeToArray(value));

        Assert.IsType(value.GetType(), copy);
        Assert.Equivalent(value, copy, strict: true);
    }

    [Fact]
    public void Serialize_Refusal_KeepsKindFieldStateAndMessage()
    {
        var serializer = NewSerializer();
        var refused = new TicketRefusedException(TicketRefusal.FailedPrecondition, "cannot claim: ticket is CLAIMED", "ticket_id", TicketState.Claimed);

        var copy = Assert.IsType<TicketRefusedException>(serializer.Deserialize<Exception>(serializer.SerializeToArray<Exception>(refused)));

        Assert.Equal(TicketRefusal.FailedPrecondition, copy.Kind);
        Assert.Equal("ticket_id", copy.Field);
        Assert.Equal(TicketState.Claimed, copy.State);
        Assert.Equal("cannot claim: ticket is CLAIMED", copy.Message);
    }

    [Fact]
    public void Serialize_StorageFault_KeepsMessageAndCause()
    {
        var serializer = NewSerializer();
        var fault = new StorageUnavailableException("Storage is unavailable; retry later.") { Cause = "PostgresException 53300" };

        var copy = Assert.IsType<StorageUnavailableException>(serializer.Deserialize<Exception>(serializer.SerializeToArray<Exception>(fault)));

        Assert.Equal("Storage is unavailable; retry later.", copy.Message);
        Assert.Equal("PostgresException 53300", copy.Cause);
    }

    /// <summary>Every contract type a grain method takes or returns, however deep, carries [GenerateSerializer].</summary>
    [Fact]
    public void GrainInterfaces_EveryContractTypeTheyCarry_HasGenerateSerializer()
    {
        var seen = new HashSet<Type>();
        foreach (var grain in new[] { typeof(ITicketGrain), typeof(IDepartmentGrain), typeof(IAgentGrain) })
        {
            foreach (var method in grain.GetMethods())
            {
                Visit(method.ReturnType, seen);
                foreach (var parameter in method.GetParameters())
                {
                    Visit(parameter.ParameterType, seen);
                }
            }
        }

        Visit(typeof(TicketRefusedException), seen);
        var contracts = seen.Where(t => t.Assembly == typeof(Caller).Assembly).ToList();
        Assert.Contains(typeof(TicketView), contracts);
        Assert.Contains(typeof(ExtensionRequest), contracts);
        Assert.All(contracts, type => Assert.True(type.GetCustomAttribute<GenerateSerializerAttribute>() is not null, $"{type.Name} lacks [GenerateSerializer]"));
    }

    /// <summary>Orleans' serializer with the codecs generated for the contracts, as a silo has it.</summary>
    private static readonly ServiceProvider Codecs = new ServiceCollection().AddSerializer().BuildServiceProvider();

    private static Serializer NewSerializer() => Codecs.GetRequiredService<Serializer>();

    private static void Visit(Type type, HashSet<Type> seen)
    {
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Visit(argument, seen);
            }

            return;
        }

        if (type.Assembly != typeof(Caller).Assembly || !seen.Add(type))
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            Visit(property.PropertyType, seen);
        }
    }

    private static TicketView FullView() => new(
        "T1", TicketState.Claimed, "13812341234", "张三", Category.Report, "朝阳区", "建国路1号", "占道经营", Urgency.Utility,
        "D01", ["D02"], "请核查", 2, false, true, At, At.AddDays(1), DeadlineStatus.Warning, At.AddDays(5), DeadlineStatus.OnTime,
        new ExtensionRequest("D01", 2, "需协调", At), "答", "复", new CallbackResult(Satisfaction.BasicallySatisfied, "基本满意", At, 2),
        "P9", ["C1", "C2"], [new ProgressNote("D01", "已到场", At)], At.AddDays(-1), At, 9, "市城管委", ["市交通局"]);
}

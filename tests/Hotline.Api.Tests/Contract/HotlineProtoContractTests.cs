using Google.Protobuf.Reflection;
using Hotline.Api.V1;

namespace Hotline.Api.Tests.Contract;

/// <summary>The hotline.v1 protos carry the services, methods and field names the API promises.</summary>
public sealed class HotlineProtoContractTests
{
    [Fact]
    public void HotlineDesk_HasEveryPromisedMethod()
    {
        Assert.Equal(
            ["CreateTicket", "DispatchTicket", "ResolveDirectly", "DecideReturn", "ReviewReply", "DecideExtension",
             "RecordCallback", "MergeTickets", "DesignateDepartment", "GetTicket", "GetTicketHistory", "SearchTickets",
             "ListDepartments", "SuggestDepartments", "FindSimilarTickets"],
            HotlineDesk.Descriptor.Methods.Select(m => m.Name));
        Assert.Equal("hotline.v1.HotlineDesk", HotlineDesk.Descriptor.FullName);
    }

    [Fact]
    public void DepartmentDesk_HasEveryPromisedMethodAndWatchStreams()
    {
        var desk = DepartmentDesk.Descriptor;

        Assert.Equal(
            ["ListTickets", "WatchTickets", "GetTicket", "ClaimTicket", "ReturnTicket", "RequestExtension", "AddProgress", "ResolveTicket"],
            desk.Methods.Select(m => m.Name));
        var watch = desk.FindMethodByName("WatchTickets");
        Assert.True(watch.IsServerStreaming);
        Assert.False(watch.IsClientStreaming);
        Assert.All(desk.Methods.Where(m => m != watch), m => Assert.False(m.IsServerStreaming || m.IsClientStreaming));
    }

    [Fact]
    public void Knowledge_HasEveryPromisedMethod()
    {
        Assert.Equal(
            ["Search", "GetArticle", "Suggest", "UpsertArticle", "DeleteArticle", "UpsertLexiconEntries", "DeleteLexiconEntries", "RecordArticleUse"],
            Hotline.Api.V1.Knowledge.Descriptor.Methods.Select(m => m.Name));
        Assert.Equal("hotline.v1.Knowledge", Hotline.Api.V1.Knowledge.Descriptor.FullName);
    }

    [Fact]
    public void AgentDesk_HasEveryPromisedMethodAndWatchCallsStreams()
    {
        var desk = AgentDesk.Descriptor;

        Assert.Equal("hotline.v1.AgentDesk", desk.FullName);
        Assert.Equal(["SetState", "WatchCalls", "Transfer", "Hold", "EndWrapUp", "AddParty", "LeaveParty", "PlaceCall", "Consult", "CompleteTransfer", "CancelConsult"], desk.Methods.Select(m => m.Name));
        Assert.All(desk.Methods, m => Assert.Equal(m.Name == "WatchCalls", m.IsServerStreaming));
        Assert.All(desk.Methods, m => Assert.False(m.IsClientStreaming));
    }

    [Fact]
    public void Supervision_HasEveryPromisedMethodAndGetRecordingStreams()
    {
        var supervision = Supervision.Descriptor;

        Assert.Equal("hotline.v1.Supervision", supervision.FullName);
        Assert.Equal(["ListAgents", "ListQueues", "ListCalls", "GetRecording", "ForceAgentState", "ReleaseCall", "GetReport", "MonitorCall", "SetMonitorMode", "StopMonitor", "ListScheduledJobs", "RescheduleJob", "CancelJob", "WatchDeadlineAlarms"], supervision.Methods.Select(m => m.Name));
        Assert.All(supervision.Methods, m => Assert.Equal(m.Name is "GetRecording" or "WatchDeadlineAlarms", m.IsServerStreaming));
        Assert.All(supervision.Methods, m => Assert.False(m.IsClientStreaming));
    }

    [Fact]
    public void CallCenterEnums_ZeroIsUnspecified()
    {
        var files = new[] { AgentDesk.Descriptor.File, Supervision.Descriptor.File };
        var enums = files.SelectMany(f => f.EnumTypes.Concat(f.Dependencies.Where(d => d.Name == "hotline/v1/call_center.proto").SelectMany(d => d.EnumTypes))).DistinctBy(e => e.FullName).ToList();

        Assert.Equal(9, enums.Count);
        Assert.All(enums, e => Assert.EndsWith("_UNSPECIFIED", e.FindValueByNumber(0).Name, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ticket_id")]
    [InlineData("department_id")]
    [InlineData("caller_phone")]
    [InlineData("caller_name")]
    [InlineData("category")]
    [InlineData("district")]
    [InlineData("address")]
    [InlineData("content")]
    [InlineData("urgency")]
    [InlineData("reason")]
    [InlineData("reply")]
    [InlineData("days")]
    [InlineData("approve")]
    [InlineData("satisfaction")]
    [InlineData("state")]
    [InlineData("page_size")]
    [InlineData("page_token")]
    public void Messages_UsePromisedFieldName(string field)
    {
        Assert.Contains(AllMessages(), m => m.FindFieldByName(field) is not null);
    }

    [Fact]
    public void Administration_HasTheDirectoryOperationsAllUnary()
    {
        var administration = Administration.Descriptor;

        Assert.Equal("hotline.v1.Administration", administration.FullName);
        Assert.Equal(
            ["ListDirectoryDepartments", "GetDirectoryDepartment", "AddDirectoryDepartment", "UpdateDirectoryDepartment", "DisableDirectoryDepartment",
             "ImportDirectoryDepartments", "ListDirectoryChanges", "ListDirectoryValues", "AddDirectoryValue", "RemoveDirectoryValue"],
            administration.Methods.Select(m => m.Name));
        Assert.All(administration.Methods, m => Assert.False(m.IsServerStreaming || m.IsClientStreaming));
        Assert.Equal(29, TypesReflection.Descriptor.FindTypeByName<EnumDescriptor>("HistoryAction").FindValueByName("HISTORY_ACTION_TRANSFERRED").Number);
    }

    [Fact]
    public void Enums_StartWithUnspecifiedZero()
    {
        var enums = TypesReflection.Descriptor.EnumTypes;

        Assert.Equal(6, enums.Count);
        Assert.All(enums, e => Assert.EndsWith("_UNSPECIFIED", e.FindValueByNumber(0).Name));
    }

    [Fact]
    public void TicketState_HasEveryWorkflowState()
    {
        Assert.Equal(
            ["CREATED", "DISPATCHED", "CLAIMED", "RETURNED", "REPLIED", "AWAITING_CALLBACK", "REOPENED", "CLOSED", "MERGED"],
            TypesReflection.Descriptor.FindTypeByName<EnumDescriptor>("TicketState").Values.Skip(1).Select(v => v.Name["TICKET_STATE_".Length..]));
    }

    private static IEnumerable<MessageDescriptor> AllMessages() =>
        new[] { TypesReflection.Descriptor, HotlineDeskReflection.Descriptor, DepartmentDeskReflection.Descriptor }
            .SelectMany(f => f.MessageTypes);
}

using Google.Protobuf.Reflection;
using Hotline.Api.V1;

namespace Hotline.Api.Grpc;

/// <summary>The service descriptors of our protos, for <see cref="IGrpcService.Descriptor"/>.</summary>
public static class HotlineServiceDescriptors
{
    /// <summary>hotline.v1.HotlineDesk (hotline/v1/hotline_desk.proto).</summary>
    public static ServiceDescriptor HotlineDesk { get; } =
        HotlineDeskReflection.Descriptor.FindTypeByName<ServiceDescriptor>("HotlineDesk");

    /// <summary>hotline.v1.DepartmentDesk (hotline/v1/department_desk.proto).</summary>
    public static ServiceDescriptor DepartmentDesk { get; } =
        DepartmentDeskReflection.Descriptor.FindTypeByName<ServiceDescriptor>("DepartmentDesk");

    /// <summary>hotline.v1.Knowledge (hotline/v1/knowledge.proto).</summary>
    public static ServiceDescriptor Knowledge { get; } =
        KnowledgeReflection.Descriptor.FindTypeByName<ServiceDescriptor>("Knowledge");

    /// <summary>hotline.v1.AgentDesk (hotline/v1/agent_desk.proto).</summary>
    public static ServiceDescriptor AgentDesk { get; } =
        AgentDeskReflection.Descriptor.FindTypeByName<ServiceDescriptor>("AgentDesk");

    /// <summary>hotline.v1.Supervision (hotline/v1/supervision.proto).</summary>
    public static ServiceDescriptor Supervision { get; } =
        SupervisionReflection.Descriptor.FindTypeByName<ServiceDescriptor>("Supervision");
}

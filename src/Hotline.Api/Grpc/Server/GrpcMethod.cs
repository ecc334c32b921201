using Google.Protobuf.Reflection;

namespace Hotline.Api.Grpc.Server;

/// <summary>A bound method: its path "/package.Service/Method" and how to run a call of it.</summary>
internal sealed record GrpcMethod(
    string Path, MethodDescriptor Descriptor, bool RequiresAuthentication, Func<GrpcCall, Task> Invoke);

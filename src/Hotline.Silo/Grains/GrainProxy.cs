using System.Reflection;

namespace Hotline.Silo.Grains;

/// <summary>
/// The object callers hold for a grain: every interface call becomes a queued turn on the key's activation.
/// Not sealed because <see cref="DispatchProxy"/> derives the generated proxy from it.
/// </summary>
internal class GrainProxy : DispatchProxy
{
    private GrainRuntime? _runtime;
    private GrainId _id;

    internal void Bind(GrainRuntime runtime, GrainId id)
    {
        _runtime = runtime;
        _id = id;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        return GrainMethodInvoker.For(targetMethod).Invoke(_runtime!, _id, args ?? []);
    }
}

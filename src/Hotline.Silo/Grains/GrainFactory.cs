using System.Reflection;
using Hotline.Contracts.Grains;

namespace Hotline.Silo.Grains;

/// <summary>Hands out grain references; a reference is a small proxy and activates nothing until called.</summary>
internal sealed class GrainFactory(GrainRuntime runtime) : IGrainFactory
{
    public TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        runtime.EnsureRegistered(typeof(TGrain));
        var proxy = DispatchProxy.Create<TGrain, GrainProxy>();
        ((GrainProxy)(object)proxy!).Bind(runtime, new GrainId(typeof(TGrain), key));
        return proxy;
    }
}

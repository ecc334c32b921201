namespace Hotline.Contracts.Grains;

/// <summary>Hands out references to grains; a reference is cheap and activates the grain on first call.</summary>
public interface IGrainFactory
{
    TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey;
}

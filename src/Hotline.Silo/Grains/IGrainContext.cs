namespace Hotline.Silo.Grains;

/// <summary>What an activation knows about itself; the runtime passes it to the grain's constructor.</summary>
internal interface IGrainContext
{
    string Key { get; }

    /// <summary>Asks the runtime to collect this activation after the current turn.</summary>
    void DeactivateOnIdle();
}

namespace Hotline.Silo.Grains;

/// <summary>The context handed to a grain's constructor; it lets the grain know its key and retire itself.</summary>
internal sealed class GrainContext(GrainActivation activation) : IGrainContext
{
    public string Key => activation.Id.Key;

    public void DeactivateOnIdle() => activation.DeactivateOnIdle();
}

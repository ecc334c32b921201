namespace Hotline.Silo.Grains;

/// <summary>The address of one grain: its interface and its key.</summary>
internal readonly record struct GrainId(Type Interface, string Key)
{
    public override string ToString() => $"{Interface.Name}/{Key}";
}

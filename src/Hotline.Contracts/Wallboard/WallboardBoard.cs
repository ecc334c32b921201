namespace Hotline.Contracts.Wallboard;

/// <summary>Every live host's report; <see cref="Version"/> moves whenever any of them changes.</summary>
[GenerateSerializer]
[Immutable]
public sealed record WallboardBoard([property: Id(0)] long Version, [property: Id(1)] IReadOnlyList<WallboardHostReport> Hosts)
{
    public static WallboardBoard Empty { get; } = new(0, []);
}

namespace Hotline.Contracts.Organisation;

/// <summary>A handling department (承办单位) and its time limit for handling a normal ticket.</summary>
/// <param name="Id">Stable id, e.g. "D01".</param>
/// <param name="Name">Display name, e.g. 市住房和城乡建设局.</param>
/// <param name="HandlingWorkingDays">Working days a NORMAL ticket may take from dispatch to reply.</param>
[GenerateSerializer]
[Immutable]
public sealed record Department([property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] int HandlingWorkingDays);

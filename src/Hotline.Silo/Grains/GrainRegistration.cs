namespace Hotline.Silo.Grains;

/// <summary>Says which class implements a grain interface; added to DI by <c>AddGrain</c>.</summary>
internal sealed record GrainRegistration(Type Interface, Type Implementation);

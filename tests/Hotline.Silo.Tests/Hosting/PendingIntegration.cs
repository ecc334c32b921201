namespace Hotline.Silo.Tests.Hosting;

/// <summary>Skip reason of host tests that need the storage composed into the host; remove the Skip at integration.</summary>
internal static class PendingIntegration
{
    public const string Storage = "Enable at integration: needs AddHotlineStorage in Hosting/Composition.AddStorageParts";
}

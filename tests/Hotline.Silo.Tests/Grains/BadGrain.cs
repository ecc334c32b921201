namespace Hotline.Silo.Tests.Grains;

internal sealed class BadGrain : IBadGrain
{
    public int Count() => 0;
}

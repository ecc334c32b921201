using Hotline.Contracts.Grains;

namespace Hotline.Silo.Tests.Grains;

public interface IBadGrain : IGrainWithStringKey
{
    int Count();
}

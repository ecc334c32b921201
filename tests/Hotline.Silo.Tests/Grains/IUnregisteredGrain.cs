using Hotline.Contracts.Grains;

namespace Hotline.Silo.Tests.Grains;

public interface IUnregisteredGrain : IGrainWithStringKey
{
    Task PingAsync();
}

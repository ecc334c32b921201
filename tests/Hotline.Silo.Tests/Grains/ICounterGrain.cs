using Hotline.Contracts.Grains;

namespace Hotline.Silo.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Read-await-write on a plain field: loses updates if two turns ever overlap.</summary>
    Task<int> IncrementAsync();

    Task AppendAsync(int value);

    Task<IReadOnlyList<int>> ReadAsync();

    /// <summary>Which activation (1, 2, …) of this key answered.</summary>
    Task<int> ActivationNumberAsync();

    Task WaitForAsync(Task gate, CancellationToken cancellationToken);

    Task ThrowAsync(Exception exception);

    Task RetireAsync();

    Task<int> IncrementOtherAsync(string otherKey);
}

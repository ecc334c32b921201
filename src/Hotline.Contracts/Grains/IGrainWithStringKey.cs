namespace Hotline.Contracts.Grains;

/// <summary>
/// Marks a grain interface addressed by a string key. Every method of such an interface returns
/// <see cref="Task"/> or <see cref="Task{TResult}"/> and its name ends in <c>Async</c>; calls to one
/// key run one at a time (a turn each), in the order they arrive.
/// </summary>
public interface IGrainWithStringKey;

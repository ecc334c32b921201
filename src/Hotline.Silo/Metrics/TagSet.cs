namespace Hotline.Silo.Metrics;

/// <summary>
/// The tags of one measurement as the instrument passed them (same order), kept as a lookup key so that a
/// repeated tag set finds its series without rendering its labels again (<see cref="TagSetComparer"/>).
/// </summary>
internal sealed class TagSet(KeyValuePair<string, object?>[] tags)
{
    public KeyValuePair<string, object?>[] Tags { get; } = tags;
}

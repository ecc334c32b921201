namespace Hotline.Silo.Storage;

/// <summary>Which tokens <c>token revoke</c> means: one by a prefix of its handle, or every token of one caller.</summary>
internal sealed record TokenSelector(string? HandlePrefix, string? Kind, string? Id)
{
    public static TokenSelector ByHandle(string prefix) => new(prefix, null, null);

    public static TokenSelector ForCaller(string kind, string id) => new(null, kind, id);
}

namespace Hotline.Silo.WebConsole;

/// <summary>A request field the console refuses; answered 400 with the field's name.</summary>
internal sealed class ConsoleFieldException(string field, string reason) : Exception($"{field}: {reason}")
{
    public string Field { get; } = field;

    /// <summary>What is wrong with the field, in Chinese, without its name.</summary>
    public string Reason { get; } = reason;
}

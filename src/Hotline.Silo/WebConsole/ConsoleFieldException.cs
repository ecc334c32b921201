namespace Hotline.Silo.WebConsole;

/// <summary>A request field the console refuses; answered 400 with the field's name.</summary>
internal sealed class ConsoleFieldException(string field, string reason) : Exception($"{field}: {reason}")
{
    public string Field { get; } = field;
}

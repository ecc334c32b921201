namespace Hotline.Silo.Reports;

/// <summary>A report request the caller must correct; <see cref="Field"/> names what is wrong.</summary>
internal sealed class ReportRequestException(string field, string message) : Exception($"{field}: {message}")
{
    public string Field { get; } = field;
}

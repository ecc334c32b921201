using System.Text;

namespace Hotline.Silo.Reports;

/// <summary>The measures' stored names and the one place their order is fixed.</summary>
internal static class ReportMeasures
{
    public static readonly IReadOnlyList<ReportMeasure> All = Enum.GetValues<ReportMeasure>();

    public static int Count => All.Count;

    /// <summary>snake_case column name, e.g. calls_offered.</summary>
    public static string Column(ReportMeasure measure)
    {
        var name = measure.ToString();
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) || (char.IsDigit(c) && i > 0 && !char.IsDigit(name[i - 1])))
            {
                if (i > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}

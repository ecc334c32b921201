namespace Hotline.Silo.Reports;

/// <summary>Registers the reports: snapshot store and fill (one service a scheduler may call), the service and the background fill.</summary>
internal static class ReportServiceCollectionExtensions
{
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReportOptions>().Bind(configuration.GetSection(ReportOptions.SectionName))
            .Validate(o => o.ServiceLevelSeconds is > 0 and <= 3600, "Reports:ServiceLevelSeconds must be 1–3600.")
            .Validate(o => IsValid(o), "Reports:Weights: each weight must be a number ≥ 0 and at least one above 0.")
            .ValidateOnStart();
        services.AddSingleton<ReportRecordReader>();
        services.AddSingleton<ReportSnapshotStore>();
        services.AddSingleton<ReportSnapshotFill>();
        services.AddSingleton<ReportService>();
        services.AddSingleton<Contracts.Reports.IReportSource, ReportSourceAdapter>();
        services.AddHostedService<ReportSnapshotWorker>();
        return services;
    }

    private static bool IsValid(ReportOptions options)
    {
        try
        {
            options.ThreeRateWeights();
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

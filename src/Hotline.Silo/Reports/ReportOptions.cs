namespace Hotline.Silo.Reports;

/// <summary>The <c>Reports</c> settings.</summary>
internal sealed class ReportOptions
{
    public const string SectionName = "Reports";

    /// <summary>SL's target: a call answered within this many seconds of arrival meets the service level.</summary>
    public int ServiceLevelSeconds { get; set; } = 20;

    /// <summary>Weights of 响应率, 解决率 and 满意率 in the department ranking.</summary>
    public WeightOptions Weights { get; set; } = new();

    /// <summary>How often the background fill looks for closed days without a snapshot; 0 turns it off (fills then happen on demand).</summary>
    public TimeSpan FillInterval { get; set; } = TimeSpan.FromHours(1);

    public ThreeRateWeights ThreeRateWeights() => new ThreeRateWeights(Weights.Response, Weights.Resolution, Weights.Satisfaction).Validated();

    /// <summary>Bindable weights (configuration cannot bind a positional record).</summary>
    internal sealed class WeightOptions
    {
        public double Response { get; set; } = 0.3;

        public double Resolution { get; set; } = 0.3;

        public double Satisfaction { get; set; } = 0.4;
    }
}

namespace Hotline.Silo.Reports;

/// <summary>
/// Weights of the 三率 (响应率, 解决率, 满意率) in a department's score; they need not sum to 1 (the score is
/// divided by the weights of the rates that have a value, so a department with no callbacks yet is not ranked
/// as if it had 0% satisfaction).
/// </summary>
internal sealed record ThreeRateWeights(double Response, double Resolution, double Satisfaction)
{
    public static readonly ThreeRateWeights Default = new(0.3, 0.3, 0.4);

    /// <summary>Throws when a weight is negative or not a number, or all are zero.</summary>
    public ThreeRateWeights Validated()
    {
        foreach (var (name, weight) in new[] { ("Response", Response), ("Resolution", Resolution), ("Satisfaction", Satisfaction) })
        {
            if (!double.IsFinite(weight) || weight < 0)
            {
                throw new ArgumentException($"Reports:Weights:{name} must be a number ≥ 0, not {weight}.");
            }
        }

        return Response + Resolution + Satisfaction > 0 ? this : throw new ArgumentException("Reports:Weights: at least one weight must be above 0.");
    }

    public double? Score(double? response, double? resolution, double? satisfaction)
    {
        double sum = 0;
        double weights = 0;
        foreach (var (rate, weight) in new[] { (response, Response), (resolution, Resolution), (satisfaction, Satisfaction) })
        {
            if (rate is { } value && weight > 0)
            {
                sum += value * weight;
                weights += weight;
            }
        }

        return weights == 0 ? null : sum / weights;
    }
}

namespace Hotline.Search.Dispatch;

/// <summary>How much each signal counts in the combined department score, and the kNN neighbourhood size.</summary>
internal sealed record DispatchWeights(double Neighbours = 1.0, double Profile = 1.0, double Articles = 1.0, double Rules = 1.0, int K = 10)
{
    public static DispatchWeights Default { get; } = new();
}

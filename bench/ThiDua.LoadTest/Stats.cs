namespace ThiDua.LoadTest;

/// <summary>Percentiles of a sample, in milliseconds (nearest rank).</summary>
public sealed record Percentiles(long Count, double P50, double P95, double P99, double Max, double Mean)
{
    public static Percentiles Of(List<double> values)
    {
        if (values.Count == 0) return new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        values.Sort();
        double At(double p) => values[Math.Clamp((int)Math.Ceiling(p * values.Count) - 1, 0, values.Count - 1)];
        return new(values.Count, At(0.50), At(0.95), At(0.99), values[^1], values.Average());
    }
}

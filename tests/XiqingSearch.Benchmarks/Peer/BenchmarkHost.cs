using System.Globalization;

namespace XiqingSearch.Benchmarks.Peer;

/// <summary>What every peer benchmark needs besides the peer: the repository root, medians, percentiles, number formats.</summary>
internal static class BenchmarkHost
{
    /// <summary>The folder holding <c>XiqingSearch.sln</c>.</summary>
    public static string RepositoryRoot() => Testing.RepositoryRoot.Path;

    /// <summary>Median (mean of the middle two for an even count), as the peer computes it.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1
            ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>Nearest-rank percentile (<paramref name="p"/> in 0..100) of already sorted values.</summary>
    public static double Percentile(double[] sorted, double p)
    {
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>Fixed-point, invariant culture.</summary>
    public static string F(double value, int decimals = 3) =>
        value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Integer with thousands separators, invariant culture.</summary>
    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The first of <paramref name="args"/> after <paramref name="flag"/> as an integer, or <paramref name="fallback"/>.</summary>
    public static int IntOption(string[] args, string flag, int fallback)
    {
        var i = Array.IndexOf(args, flag);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace MleGen.Tests.Cluster;

/// <summary>
/// The bits of everything a fit reports that depends on the likelihood sums: log-likelihood, AIC, BIC,
/// iterations, gradient norm, estimates and standard errors under each covariance kind, and one profile
/// interval — as hexadecimal IEEE words, to compare exactly (shared with the MPI test app).
/// </summary>
internal sealed record FitBits(string Bits, long ObservationCount)
{
    public static FitBits Of(FitResult fit, string? profile)
    {
        if (!fit.Converged)
        {
            throw new InvalidOperationException("The fit did not converge: " + fit.ConvergenceReason);
        }

        var values = new List<double> { fit.LogLikelihood, fit.Aic, fit.Bic, fit.Iterations, fit.GradientNorm };
        foreach (var kind in new[] { CovarianceKind.Observed, CovarianceKind.Expected, CovarianceKind.Sandwich })
        {
            foreach (var p in fit.WithCovariance(kind).Parameters)
            {
                values.Add(p.Estimate);
                values.Add(p.StandardError ?? double.NaN);
            }
        }

        if (profile is not null)
        {
            var (lower, upper) = fit.ProfileInterval(profile);
            values.Add(lower);
            values.Add(upper);
        }

        return new FitBits(string.Join(" ", values.Select(b => BitConverter.DoubleToInt64Bits(b).ToString("X16"))), fit.ObservationCount);
    }

    /// <summary>The three cluster test models fitted on <paramref name="cluster"/> (null: one process, all rows), in a fixed order.</summary>
    public static IEnumerable<(string Model, FitBits Bits)> FitAll(FitCluster? cluster, int logisticRows, int poissonRows, int levelRows, int countRows)
    {
        (long, int) All(int n) => (0, n);
        var (ls, lc) = cluster?.ShardRange(logisticRows) ?? All(logisticRows);
        yield return ("logistic", Of(ClusterData.Logistic(logisticRows, ls, lc).Fit(new FitOptions { Cluster = cluster, Threads = 1 }), "Beta[1]"));
        var (ps, pc) = cluster?.ShardRange(poissonRows) ?? All(poissonRows);
        yield return ("poisson", Of(ClusterData.Poisson(poissonRows, ps, pc).Fit(new FitOptions { Method = FitMethod.Newton, Cluster = cluster, Threads = 1 }), "B"));
        var shard = ClusterData.TwoTerms(levelRows, countRows, cluster?.ShardRange(levelRows) ?? All(levelRows), cluster?.ShardRange(countRows) ?? All(countRows));
        yield return ("two-terms", Of(shard.Fit(new FitOptions { Method = FitMethod.FisherScoring, Covariance = CovarianceKind.Expected, Cluster = cluster, Threads = 1 }), "Sigma"));
    }
}

/// <summary>The data sizes of the MPI test fits (at least four 4096-row chunks per term, for 4 ranks).</summary>
internal static class MpiTestSizes
{
    public const int LogisticRows = 30_000;
    public const int PoissonRows = 20_000;
    public const int LevelRows = 17_000;
    public const int CountRows = 13_000;
}

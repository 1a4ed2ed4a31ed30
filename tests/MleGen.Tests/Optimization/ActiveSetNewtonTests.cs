using System;
using System.Threading;
using Xunit;

namespace MleGen.Tests.Optimization;

public class ActiveSetNewtonTests
{
    private static OptimizerSettings Settings => new(1e-8, 1e-12, 1000, null, CancellationToken.None);

    /// <summary>
    /// From a point with the wrong active set — a true zero moved off its kink, a true nonzero held at 0 — the rounds
    /// of "Newton on the active set, then the KKT check" reach the coordinate-descent lasso solution to rounding, its
    /// zeros exact, and report a KKT residual below 1e-9.
    /// </summary>
    [Theory]
    [InlineData(0.05)]
    [InlineData(0.2)]
    public void AWrongActiveSetIsRepairedToTheKktPrecision(double lambda)
    {
        LeastSquares f = LeastSquares.Synthetic();
        double[] reference = f.CoordinateDescent(lambda);
        int nonzero = Array.FindIndex(reference, v => v != 0);
        int zero = Array.FindIndex(reference, v => v == 0);
        double[] weights = new double[8], centers = new double[8];
        Array.Fill(weights, lambda);
        double[] x = (double[])reference.Clone();
        x[nonzero] = 0;                          // should be released
        x[zero] = 0.3;                           // should be pinned back to its kink
        var owlQn = new OptimizationResult(OptimizationStatus.FunctionConverged, 10, 12, double.NaN, double.NaN);

        OptimizationResult result = ActiveSetNewton.Polish(new ActiveSetObjective(f, weights, centers), x, Settings, owlQn, new NewtonWorkspace(8));

        Assert.Equal(OptimizationStatus.GradientConverged, result.Status);
        Assert.True(result.KktResidual <= 1e-9, $"KKT residual {result.KktResidual}");
        for (int j = 0; j < 8; j++)
        {
            if (reference[j] == 0)
            {
                Assert.Equal(0.0, x[j]);
            }
            else
            {
                Assert.Equal(reference[j], x[j], 1e-10 * Math.Abs(reference[j]));
            }
        }
    }

    /// <summary>The KKT residual: relative to the weight on penalized coordinates, relative to max(1, |F|) on the others.</summary>
    [Fact]
    public void TheKktResidualMeasuresEachConditionRelativeToItsWeight()
    {
        double[] weights = [2, 2, 0], centers = [0, 1, 0];
        // Nonzero penalized: g + w·sign = 0.5 + 2·(−1) → 1.5/2; at the kink: |g| = 2.5 > 2 → 0.25; unpenalized: 3/max(1, 10).
        Assert.Equal(0.75, ActiveSetNewton.KktResidual([-1, 1, 0], [0.5, 0, 0], weights, centers, 10), 15);
        Assert.Equal(0.25, ActiveSetNewton.KktResidual([1, 1, 0], [-2, 2.5, 0], weights, centers, 10), 15);
        Assert.Equal(0.3, ActiveSetNewton.KktResidual([1, 1, 0], [-2, 1.5, 3], weights, centers, 10), 15);
        Assert.Equal(0.0, ActiveSetNewton.KktResidual([1, 1, 0], [-2, 1.5, 0], weights, centers, 10));
    }
}

using System;
using System.Threading;
using Xunit;

namespace MleGen.Tests.Optimization;

public class GeodesicAccelerationTests
{
    /// <summary>
    /// On least squares whose residuals have constant second derivatives the estimate 2·F′[v]·v − f‴[v, v] is Transtrum's
    /// Jᵀr_vv exactly, so the corrected step is v − ½(JᵀJ + λI)⁻¹Jᵀr_vv. The central differences give Jᵀr_vv to about
    /// 1e-6 (gradient rounding over h² = 1e-6); solving with JᵀJ + λI (condition up to ~1e3 here) leaves ~1e-3 of a.
    /// </summary>
    [Theory]
    [InlineData(-1.2, 1, 0.01, -0.02, 0.1)]
    [InlineData(0.5, 0.1, 0.03, 0.05, 1)]
    [InlineData(2, 3, -0.05, 0.02, 0.001)]
    public void TheCorrectionIsTranstrumsForZeroResidualCurvature(double x0, double y0, double vx, double vy, double lambda)
    {
        var objective = new RosenbrockLeastSquares();
        double[] x = [x0, y0];
        double[] g = new double[2];
        objective.ValueAndGradient(x, g);
        double[] m = new double[4];
        RosenbrockLeastSquares.GaussNewton(x, m);
        double[] factor = new double[4];
        Assert.True(Cholesky.TryFactor(m, 2, lambda, factor));

        // Expected: a = −(JᵀJ + λI)⁻¹ Jᵀ r_vv, with J's first row (−20x, 10) and r₁,vv = −20·vx².
        double r1vv = -20 * vx * vx;
        double[] a = [-(-20 * x0 * r1vv), -(10 * r1vv)];
        Cholesky.Solve(factor, 2, a);
        double ratio = Math.Sqrt(((a[0] * a[0]) + (a[1] * a[1])) / ((vx * vx) + (vy * vy)));
        Assert.True(ratio < 0.75, $"the test wants an unshortened correction, ratio {ratio}");

        double[] step = [vx, vy];
        int evaluations = 0;
        Assert.True(GeodesicAcceleration.TryApply(objective, x, g, factor, [1.0, 1.0], step, new NewtonWorkspace(2), ref evaluations));
        Assert.Equal(2, evaluations);
        double tolerance = 2e-3 * Math.Sqrt((a[0] * a[0]) + (a[1] * a[1]));
        Assert.Equal(vx + (0.5 * a[0]), step[0], tolerance);
        Assert.Equal(vy + (0.5 * a[1]), step[1], tolerance);
    }

    /// <summary>A correction larger than 0.75·‖v‖ is shortened to that length (the trust-region test then judges the step).</summary>
    [Fact]
    public void ALargeCorrectionIsShortenedToThreeQuartersOfTheStep()
    {
        var objective = new RosenbrockLeastSquares();
        double[] x = [-1.2, 1];
        double[] g = new double[2];
        objective.ValueAndGradient(x, g);
        double[] m = new double[4];
        RosenbrockLeastSquares.GaussNewton(x, m);
        double[] factor = new double[4];
        Assert.True(Cholesky.TryFactor(m, 2, 1e-6, factor));
        double[] v = [1, 0.5];
        double[] step = (double[])v.Clone();
        int evaluations = 0;
        Assert.True(GeodesicAcceleration.TryApply(objective, x, g, factor, [1.0, 1.0], step, new NewtonWorkspace(2), ref evaluations));
        double correction = 2 * Math.Sqrt(Math.Pow(step[0] - v[0], 2) + Math.Pow(step[1] - v[1], 2));
        Assert.Equal(0.75 * Math.Sqrt((v[0] * v[0]) + (v[1] * v[1])), correction, 1e-12);
    }

    /// <summary>Levenberg–Marquardt on the banana (Gauss–Newton curvature): the accelerated steps bend along the valley.</summary>
    [Fact]
    public void FisherScoringOnTheBananaNeedsFewerIterationsWithTheAcceleration()
    {
        var settings = new OptimizerSettings(1e-12, 1e-15, 1000, null, CancellationToken.None);
        double[] accelerated = [-1.2, 1];
        OptimizationResult withAcceleration = Newton.Minimize(new GaussNewtonOnly(new RosenbrockLeastSquares(), true), accelerated, settings, new NewtonWorkspace(2));
        double[] plain = [-1.2, 1];
        OptimizationResult without = Newton.Minimize(new GaussNewtonOnly(new RosenbrockLeastSquares(), false), plain, settings, new NewtonWorkspace(2));
        Assert.True(withAcceleration.Converged && without.Converged);
        Assert.Equal(1, accelerated[0], 1e-8);
        Assert.Equal(1, accelerated[1], 1e-8);
        Assert.True(withAcceleration.Iterations < without.Iterations, $"{withAcceleration.Iterations} accelerated vs {without.Iterations} plain");
    }

    /// <summary>The banana with JᵀJ as its Hessian (Levenberg–Marquardt), with or without the expected curvature the acceleration needs.</summary>
    private sealed class GaussNewtonOnly(RosenbrockLeastSquares inner, bool accelerate) : IObjective
    {
        public int Dimension => 2;

        public bool HasHessian => true;

        public bool HasExpectedCurvature => accelerate;

        public double Value(ReadOnlySpan<double> x) => inner.Value(x);

        public double ValueAndGradient(ReadOnlySpan<double> x, Span<double> gradient) => inner.ValueAndGradient(x, gradient);

        public void Hessian(ReadOnlySpan<double> x, Span<double> hessian) => RosenbrockLeastSquares.GaussNewton(x, hessian);

        public double ValueGradientAndExpectedCurvature(ReadOnlySpan<double> x, Span<double> gradient, Span<double> curvature) =>
            inner.ValueGradientAndExpectedCurvature(x, gradient, curvature);
    }
}

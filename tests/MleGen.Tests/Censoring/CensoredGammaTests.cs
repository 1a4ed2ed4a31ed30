using System;
using System.Linq;
using MleGen.Tests.EndToEnd;
using MleGen.Tests.EndToEnd.Models;
using MleGen.Tests.Fitting;
using MleGen.Tests.Simd;
using Xunit;

namespace MleGen.Tests.Censoring;

/// <summary>
/// The Gamma family censored and truncated, compiled by the real generator: the NLL against the struct's own
/// LogDensity/LogCdf/LogCcdf (the oracle), the gradient and observed information against central differences on the
/// scalar and the vector path, rows censored far in either tail against closed forms (integer shape), bad data, no
/// expected information, and a fit against R (tests/data/reference/gamma_censored_precip).
/// </summary>
public class CensoredGammaTests(ITestOutputHelper output)
{
    private const int N = 61;

    /// <summary>Shape 2.5, rate exp(0.3 + 0.6x); a third of the rows right-censored and a sixth left-censored.</summary>
    internal static CensoredGammaRegression Create(int n, int seed)
    {
        var rng = new Random(seed);
        var x = new double[n];
        var y = new double[n];
        var right = new bool[n];
        var left = new bool[n];
        var model = new CensoredGammaRegression { x = x, Y = y, Right = right, Left = left, Shape = 2.5, A = 0.3, B = 0.6 };
        for (int i = 0; i < n; i++)
        {
            x[i] = (rng.NextDouble() * 2) - 1;
            y[i] = Sampler.Draw(model.Observation(i), rng);
            double u = rng.NextDouble();
            right[i] = u < 1.0 / 3;
            left[i] = u > 5.0 / 6;
        }

        return model;
    }

    [Fact]
    public void NllGradientAndObservedInformationOnBothPaths()
    {
        var model = Create(N, 41);
        var rng = new Random(42);
        var center = ModelChecker.Current(model);
        var points = new[] { center, ModelChecker.RandomPoint(model, center, rng), ModelChecker.RandomPoint(model, center, rng) };
        foreach (int width in VectorPaths.ScalarAndVector)
        {
            VectorPaths.Force(model, width);
            foreach (var theta in points)
            {
                ModelChecker.CheckOracle(model, theta);
                ModelChecker.CheckGradient(model, theta);
                ModelChecker.CheckObservedInformation(model, theta);
                Assert.Equal(width, VectorPaths.LastWidth(model));
            }
        }
    }

    [Fact]
    public void TheVectorKernelsAgreeWithTheScalarOnes()
    {
        IMleModel model = Create(N, 43);
        Assert.True(VectorPaths.IsVectorized(model));
        var theta = ModelChecker.Current(model);
        var scalar = new double[theta.Length];
        double nll = VectorPaths.Force(model, 1).NegativeLogLikelihood(theta, scalar);
        foreach (int width in new[] { 4, 8 })
        {
            var vector = new double[theta.Length];
            Approx.Equal(nll, VectorPaths.Force(model, width).NegativeLogLikelihood(theta, vector), 1e-13);
            for (int k = 0; k < theta.Length; k++)
            {
                Approx.Equal(scalar[k], vector[k], 1e-12);
            }
        }
    }

    [Fact]
    public void CensoredTermsHaveNoExpectedInformation()
    {
        IMleModel model = Create(N, 44);
        Assert.False(model.HasExpectedInformation);
        var theta = ModelChecker.Current(model);
        var e = Assert.Throws<InvalidOperationException>(() => model.ExpectedInformation(theta, new double[theta.Length * theta.Length]));
        Assert.Contains("'Observation' is censored", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Shape 3 (so Q(3, x) = e^(−x)(1 + x + x²/2) exactly): a row right-censored at rate·y = 900, where Q is e^(−893)
    /// (0 in double) and P rounds to 1, and a row left-censored at rate·y = 2e-150, where P ≈ x³/6 is e^(−1034). The NLL is
    /// finite and equals the closed forms, the A-gradient of the right-censored row is the closed-form hazard,
    /// and gradients and observed information equal differences on both paths.
    /// </summary>
    [Fact]
    public void RowsCensoredFarInEitherTailAreExact()
    {
        var model = new CensoredGammaRegression
        {
            x = [0, 0], Y = [450, 1e-150], Right = [true, false], Left = [false, true], Shape = 3, A = Math.Log(2), B = 0,
        };
        var theta = ModelChecker.Current(model);
        double far = 900, near = 2e-150;
        double logQ = -far + Math.Log(1 + far + (far * far / 2));
        double logP = (3 * Math.Log(near)) - Math.Log(6) + Functions.Log1p(-0.75 * near);
        foreach (int width in VectorPaths.ScalarAndVector)
        {
            VectorPaths.Force(model, width);
            var gradient = new double[3];
            double nll = ((IMleModel)model).NegativeLogLikelihood(theta, gradient);
            Assert.True(double.IsFinite(nll));
            Approx.Equal(-(logQ + logP), nll, 1e-14);

            // ∂/∂A of −log Q(3, e^A·y) − log P(3, e^A·y) = x·h(x) − 3 + O(x) with h = (x²/2)/(1 + x + x²/2), x = e^A·y.
            double hazard = far * far / 2 / (1 + far + (far * far / 2));
            Approx.Equal((far * hazard) - 3, gradient[1], 1e-12);
            ModelChecker.CheckOracle(model, theta);
            ModelChecker.CheckGradient(model, theta);
            ModelChecker.CheckObservedInformation(model, theta);
        }
    }

    [Fact]
    public void ACensoredObservationOutsideTheSupportNamesItsIndex()
    {
        var model = Create(N, 45);
        model.Right[5] = true;
        model.Left[5] = false;
        model.Y[5] = 0;
        var e = Assert.Throws<ModelDataException>(() => model.ValidateData());
        Assert.Equal("Y", e.Member);
        Assert.Equal(5, e.Index);
    }

    [Fact]
    public void AFlagArrayOfTheWrongLengthNamesTheMember()
    {
        var model = Create(N, 46);
        IMleModel shorter = new CensoredGammaRegression { x = model.x, Y = model.Y, Right = model.Right, Left = new bool[N + 2], Shape = 2, A = 0, B = 0 };
        var e = Assert.Throws<ModelDataException>(() => shorter.NegativeLogLikelihood(new double[3]));
        Assert.Equal("Left", e.Member);
        Assert.Contains("one per observation of Y", e.Message, StringComparison.Ordinal);
    }

    /// <summary>The same regression observed only inside (Lower[i], Upper]: renormalized by P(Lower[i] &lt; Y ≤ Upper).</summary>
    [Fact]
    public void TruncatedGammaMatchesTheOracleWithExactDerivatives()
    {
        var model = Truncated(N, 47);
        var rng = new Random(48);
        var center = ModelChecker.Current(model);
        foreach (int width in VectorPaths.ScalarAndVector)
        {
            VectorPaths.Force(model, width);
            foreach (var theta in new[] { center, ModelChecker.RandomPoint(model, center, rng) })
            {
                ModelChecker.CheckOracle(model, theta);
                ModelChecker.CheckGradient(model, theta);
                ModelChecker.CheckObservedInformation(model, theta);
            }
        }

        Assert.False(((IMleModel)model).HasExpectedInformation);
    }

    /// <summary>
    /// Delayed entry at time 0 for some rows: a bound of 0 is no truncation (log Q(α, 0) = 0 for every θ). The NLL, a
    /// finite gradient and observed information equal the oracle and differences, for a shape below 1 too (where the
    /// density ratio at 0 is infinite), on both paths.
    /// </summary>
    [Theory]
    [InlineData(2.5)]
    [InlineData(0.7)]
    public void ALowerBoundOfZeroIsNoTruncation(double shape)
    {
        var model = Truncated(N, 50);
        model.Shape = shape;
        for (int i = 0; i < N; i += 3)
        {
            model.Lower[i] = 0;
        }

        var theta = ModelChecker.Current(model);
        foreach (int width in VectorPaths.ScalarAndVector)
        {
            VectorPaths.Force(model, width);
            var gradient = new double[theta.Length];
            var information = new double[theta.Length * theta.Length];
            ((IMleModel)model).NegativeLogLikelihood(theta, gradient);
            ((IMleModel)model).ObservedInformation(theta, information);
            Assert.All(gradient, g => Assert.True(double.IsFinite(g)));
            Assert.All(information, h => Assert.True(double.IsFinite(h)));
            ModelChecker.CheckOracle(model, theta);
            ModelChecker.CheckGradient(model, theta);
            ModelChecker.CheckObservedInformation(model, theta);
        }
    }

    [Fact]
    public void AnObservationOutsideItsTruncationBoundsNamesIt()
    {
        var model = Truncated(N, 49);
        model.Y[8] = model.Lower[8] * 0.5;
        var e = Assert.Throws<ModelDataException>(() => model.ValidateData());
        Assert.Equal("Y", e.Member);
        Assert.Equal(8, e.Index);
        Assert.Contains("Lower[8]", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Shape and rate of a window-censored sample (precip, > 45 right-, &lt; 15 left-censored) against R's optim + numDeriv.</summary>
    [Fact]
    public void FitMatchesR()
    {
        var c = ReferenceCase.Load("gamma_censored_precip");
        var model = new CensoredGammaSample
        {
            Y = c.Columns["y"],
            Right = c.Columns["right"].Select(v => v == 1).ToArray(),
            Left = c.Columns["left"].Select(v => v == 1).ToArray(),
        };
        Assert.Equal(14, model.Right.Count(r => r));
        Assert.Equal(8, model.Left.Count(l => l));
        FitResult fit = model.Fit();
        Assert.True(fit.Converged, fit.ToString());
        foreach (string name in new[] { "Shape", "Rate" })
        {
            string r = name.ToLowerInvariant();
            output.WriteLine($"{name}: estimate {fit[name].Estimate:R} vs R {c.ParameterNumber(r, "estimate"):R} (relative {Math.Abs(fit[name].Estimate / c.ParameterNumber(r, "estimate") - 1):E2}), "
                + $"se {fit[name].StandardError!.Value:R} vs R {c.ParameterNumber(r, "se"):R} (relative {Math.Abs(fit[name].StandardError!.Value / c.ParameterNumber(r, "se") - 1):E2})");
            Expect.Relative(c.ParameterNumber(r, "estimate"), fit[name].Estimate, c.Tolerance("estimate"), name);
            Expect.Relative(c.ParameterNumber(r, "se"), fit[name].StandardError!.Value, c.Tolerance("se"), name + " se");
        }

        Expect.Relative(c.Number("loglik"), fit.LogLikelihood, c.Tolerance("loglik"), "loglik");
        Expect.Relative(c.Number("aic"), fit.Aic, c.Tolerance("loglik"), "aic");
        Assert.Throws<InvalidOperationException>(() => fit.WithCovariance(CovarianceKind.Expected));
    }

    private static TruncatedGammaRegression Truncated(int n, int seed)
    {
        var rng = new Random(seed);
        var x = new double[n];
        var y = new double[n];
        var lower = new double[n];
        var model = new TruncatedGammaRegression { x = x, Y = y, Lower = lower, Upper = 4, Shape = 2.5, A = 0.3, B = 0.6 };
        for (int i = 0; i < n; i++)
        {
            x[i] = (rng.NextDouble() * 2) - 1;
            lower[i] = 0.2 * rng.NextDouble();

            // Rejection sampling from the truncated distribution.
            do
            {
                y[i] = Sampler.Draw(model.Observation(i), rng);
            }
            while (y[i] <= lower[i] || y[i] > model.Upper);
        }

        return model;
    }
}

[Model]
public partial class CensoredGammaRegression : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Data] public required bool[] Right { get; init; }
    [Data] public required bool[] Left { get; init; }
    [Param(Lower = 0)] public double Shape = 1;
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y), RightCensored = nameof(Right), LeftCensored = nameof(Left))]
    internal Gamma Observation(int i) => new(Shape, Math.Exp(A + (B * x[i])));

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            var family = Observation(i);
            nll -= Right[i] ? family.LogCcdf(Y[i]) : Left[i] ? family.LogCdf(Y[i]) : family.LogDensity(Y[i]);
        }

        return nll;
    }
}

[Model]
public partial class CensoredGammaSample
{
    [Data] public required double[] Y { get; init; }
    [Data] public required bool[] Right { get; init; }
    [Data] public required bool[] Left { get; init; }
    [Param(Lower = 0)] public double Shape = 1;
    [Param(Lower = 0)] public double Rate = 0.1;

    [Likelihood(nameof(Y), RightCensored = nameof(Right), LeftCensored = nameof(Left))]
    internal Gamma Observation(int i) => new(Shape, Rate);
}

/// <summary>A Gamma regression observed only inside (Lower[i], Upper].</summary>
[Model]
public partial class TruncatedGammaRegression : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Data] public required double[] Lower { get; init; }
    [Data] public required double Upper { get; init; }
    [Param(Lower = 0)] public double Shape = 1;
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y), TruncatedBelow = nameof(Lower), TruncatedAbove = nameof(Upper))]
    internal Gamma Observation(int i) => new(Shape, Math.Exp(A + (B * x[i])));

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            var f = Observation(i);
            nll -= f.LogDensity(Y[i]) - Math.Log(Math.Exp(f.LogCdf(Upper)) - Math.Exp(f.LogCdf(Lower[i])));
        }

        return nll;
    }
}

using System;
using System.Linq;
using MleGen.Tests.EndToEnd;
using MleGen.Tests.EndToEnd.Models;
using MleGen.Tests.Fitting;
using MleGen.Tests.Simd;
using Xunit;

namespace MleGen.Tests.Censoring;

/// <summary>
/// The Beta family censored and truncated, compiled by the real generator: the NLL against the struct's own
/// LogDensity/LogCdf/LogCcdf (the oracle), the gradient and observed information against central differences on the
/// scalar and the vector path, rows censored far in either tail against closed forms (a second shape of 1), bad data, no
/// expected information, and a fit against R (tests/data/reference/beta_detection_limit).
/// </summary>
public class CensoredBetaTests(ITestOutputHelper output)
{
    private const int N = 61;

    /// <summary>α = exp(0.4 + 0.7x), β = 3; a fifth of the rows right-censored and a sixth left-censored.</summary>
    internal static CensoredBetaRegression Create(int n, int seed)
    {
        var rng = new Random(seed);
        var x = new double[n];
        var y = new double[n];
        var right = new bool[n];
        var left = new bool[n];
        var model = new CensoredBetaRegression { x = x, Y = y, Right = right, Left = left, Second = 3, A = 0.4, B = 0.7 };
        for (int i = 0; i < n; i++)
        {
            x[i] = (rng.NextDouble() * 2) - 1;
            y[i] = Sampler.Draw(model.Observation(i), rng);
            double u = rng.NextDouble();
            right[i] = u < 0.2;
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
    /// Second shape 1 (so I_y(α, 1) = y^α exactly): a row left-censored at y = 1e-200, where I is e^(−460α), and a row
    /// right-censored at y = 1 − 2⁻⁴⁵, where 1 − y^α ≈ α·2⁻⁴⁵ (1 − I formed as 1 − a number near 1 would keep 4 digits).
    /// The NLL equals the closed forms, the A-gradient of both rows is exact, and gradients and observed information
    /// equal differences on both paths.
    /// </summary>
    [Fact]
    public void RowsCensoredFarInEitherTailAreExact()
    {
        double near = 1e-200, far = 1 - Math.Pow(2, -45);
        var model = new CensoredBetaRegression { x = [0, 0], Y = [far, near], Right = [true, false], Left = [false, true], Second = 1, A = Math.Log(1.5), B = 0 };
        var theta = ModelChecker.Current(model);
        double alpha = 1.5;
        double logQ = Functions.Log1mExp(-alpha * Math.Log(far));
        double logP = alpha * Math.Log(near);
        foreach (int width in VectorPaths.ScalarAndVector)
        {
            VectorPaths.Force(model, width);
            var gradient = new double[3];
            double nll = ((IMleModel)model).NegativeLogLikelihood(theta, gradient);
            Approx.Equal(-(logQ + logP), nll, 1e-14);

            // ∂/∂A (A = log α) of −log(1 − y₁^α) − α log y₂ = α·log y₁·y₁^α/(1 − y₁^α) − α log y₂.
            double l1 = Math.Log(far);
            double expected = (alpha * l1 * Math.Exp(alpha * l1) / -Functions.Expm1(alpha * l1)) - (alpha * Math.Log(near));
            Approx.Equal(expected, gradient[1], 1e-12);
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
        model.Y[5] = 1;
        var e = Assert.Throws<ModelDataException>(() => model.ValidateData());
        Assert.Equal("Y", e.Member);
        Assert.Equal(5, e.Index);
    }

    [Fact]
    public void AFlagArrayOfTheWrongLengthNamesTheMember()
    {
        var model = Create(N, 46);
        IMleModel shorter = new CensoredBetaRegression { x = model.x, Y = model.Y, Right = new bool[N - 1], Left = model.Left, Second = 2, A = 0, B = 0 };
        var e = Assert.Throws<ModelDataException>(() => shorter.NegativeLogLikelihood(new double[3]));
        Assert.Equal("Right", e.Member);
        Assert.Contains("one per observation of Y", e.Message, StringComparison.Ordinal);
    }

    /// <summary>The same regression observed only inside (Lower[i], Upper]: renormalized by P(Lower[i] &lt; Y ≤ Upper).</summary>
    [Fact]
    public void TruncatedBetaMatchesTheOracleWithExactDerivatives()
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

    /// <summary>A lower bound of 0 is no truncation (log(1 − I₀) = 0 with zero derivatives): finite, and equal to the oracle.</summary>
    [Fact]
    public void ALowerBoundOfZeroIsNoTruncation()
    {
        var model = Truncated(N, 50);
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

    /// <summary>Shapes of swiss$Education / 100 with a detection limit (8 of 47 left-censored at 0.05) against R's optim + numDeriv.</summary>
    [Fact]
    public void FitMatchesR()
    {
        var c = ReferenceCase.Load("beta_detection_limit");
        var model = new CensoredBetaSample { Y = c.Columns["y"], Left = c.Columns["left"].Select(v => v == 1).ToArray() };
        Assert.Equal(8, model.Left.Count(l => l));
        FitResult fit = model.Fit();
        Assert.True(fit.Converged, fit.ToString());
        foreach (string name in new[] { "Alpha", "Second" })
        {
            string r = name == "Alpha" ? "alpha" : "beta";
            output.WriteLine($"{name}: estimate {fit[name].Estimate:R} vs R {c.ParameterNumber(r, "estimate"):R} (relative {Math.Abs(fit[name].Estimate / c.ParameterNumber(r, "estimate") - 1):E2}), "
                + $"se {fit[name].StandardError!.Value:R} vs R {c.ParameterNumber(r, "se"):R} (relative {Math.Abs(fit[name].StandardError!.Value / c.ParameterNumber(r, "se") - 1):E2})");
            Expect.Relative(c.ParameterNumber(r, "estimate"), fit[name].Estimate, c.Tolerance("estimate"), name);
            Expect.Relative(c.ParameterNumber(r, "se"), fit[name].StandardError!.Value, c.Tolerance("se"), name + " se");
        }

        output.WriteLine($"loglik {fit.LogLikelihood:R} vs R {c.Number("loglik"):R} (relative {Math.Abs(fit.LogLikelihood / c.Number("loglik") - 1):E2})");
        Expect.Relative(c.Number("loglik"), fit.LogLikelihood, c.Tolerance("loglik"), "loglik");
        Expect.Relative(c.Number("aic"), fit.Aic, c.Tolerance("loglik"), "aic");
        Assert.Throws<InvalidOperationException>(() => fit.WithCovariance(CovarianceKind.Expected));
    }

    private static TruncatedBetaRegression Truncated(int n, int seed)
    {
        var rng = new Random(seed);
        var x = new double[n];
        var y = new double[n];
        var lower = new double[n];
        var model = new TruncatedBetaRegression { x = x, Y = y, Lower = lower, Upper = 0.8, Second = 3, A = 0.4, B = 0.7 };
        for (int i = 0; i < n; i++)
        {
            x[i] = (rng.NextDouble() * 2) - 1;
            lower[i] = 0.1 * rng.NextDouble();

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
public partial class CensoredBetaRegression : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Data] public required bool[] Right { get; init; }
    [Data] public required bool[] Left { get; init; }
    [Param(Lower = 0)] public double Second = 1;
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y), RightCensored = nameof(Right), LeftCensored = nameof(Left))]
    internal Beta Observation(int i) => new(Math.Exp(A + (B * x[i])), Second);

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
public partial class CensoredBetaSample
{
    [Data] public required double[] Y { get; init; }
    [Data] public required bool[] Left { get; init; }
    [Param(Lower = 0)] public double Alpha = 1;
    [Param(Lower = 0)] public double Second = 1;

    [Likelihood(nameof(Y), LeftCensored = nameof(Left))]
    internal Beta Observation(int i) => new(Alpha, Second);
}

/// <summary>A Beta regression observed only inside (Lower[i], Upper].</summary>
[Model]
public partial class TruncatedBetaRegression : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Data] public required double[] Lower { get; init; }
    [Data] public required double Upper { get; init; }
    [Param(Lower = 0)] public double Second = 1;
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y), TruncatedBelow = nameof(Lower), TruncatedAbove = nameof(Upper))]
    internal Beta Observation(int i) => new(Math.Exp(A + (B * x[i])), Second);

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

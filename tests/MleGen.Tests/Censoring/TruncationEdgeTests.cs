using System;
using System.Collections.Generic;
using System.Reflection;
using MleGen.Tests.EndToEnd;
using MleGen.Tests.EndToEnd.Models;
using MleGen.Tests.Simd;
using Xunit;

namespace MleGen.Tests.Censoring;

/// <summary>
/// A truncation bound at or beyond the edge of its family's support cuts nothing off: −∞ (or +∞ above) on the real line,
/// 0 or below for a positive family, −1 or below for a count (y &gt; −1). Such a row's NLL, gradient and observed
/// information are the untruncated model's, bit for bit, for every truncatable family, on the scalar and the vector path;
/// rows at the edge mixed with real bounds match the oracle (the family's own CDF at the bound as given) and differences.
/// </summary>
public class TruncationEdgeTests
{
    /// <summary>Not a multiple of either vector width: the kernels' tails run too.</summary>
    private const int N = 23;

    public static TheoryData<string> Families => new(
        "Normal", "Cauchy", "Gumbel", "Laplace", "StudentT", "NormalMixture", "LogNormal", "Weibull", "Gamma", "Exponential", "Beta", "Poisson", "PoissonLog");

    private enum Support
    {
        Real,
        Positive,
        Unit,
        Count,
    }

    private static Support SupportOf(string family) => family switch
    {
        "Normal" or "Cauchy" or "Gumbel" or "Laplace" or "StudentT" or "NormalMixture" => Support.Real,
        "LogNormal" or "Weibull" or "Gamma" or "Exponential" => Support.Positive,
        "Beta" => Support.Unit,
        "Poisson" or "PoissonLog" => Support.Count,
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, null),
    };

    /// <summary>Every row's lower bound at the edge or beyond it (alternately), every upper bound +∞: exactly the untruncated model.</summary>
    [Theory]
    [MemberData(nameof(Families))]
    public void BoundsAtTheSupportsEdgesAreNoTruncationBitForBit(string family)
    {
        var support = SupportOf(family);
        double edge = support switch { Support.Real => double.NegativeInfinity, Support.Positive or Support.Unit => 0, _ => -1 };
        double beyond = support switch { Support.Real => double.NegativeInfinity, Support.Positive or Support.Unit => -0.5, _ => -3 };
        double top = support == Support.Unit ? 1 : double.PositiveInfinity;
        var (truncated, plain) = Create(family, 31, (i, y) => (i % 2 == 0 ? edge : beyond, i % 3 == 0 ? double.PositiveInfinity : top));
        truncated.ValidateData();
        var rng = new Random(32);
        var center = ModelChecker.Current(plain);
        Assert.Equal(center, ModelChecker.Current(truncated));
        var points = new[] { ModelChecker.RandomPoint(plain, center, rng), ModelChecker.RandomPoint(plain, center, rng) };
        foreach (int width in VectorPaths.ScalarAndVector)
        {
            // The twin runs on the truncated model's path (a truncated mixture has no vector kernel: scalar).
            VectorPaths.Force(truncated, width);
            VectorPaths.Force(plain, VectorPaths.IsVectorized(truncated) ? width : 1);
            foreach (var theta in points)
            {
                Assert.Equal(plain.NegativeLogLikelihood(theta), truncated.NegativeLogLikelihood(theta));
                var g0 = new double[theta.Length];
                var g1 = new double[theta.Length];
                Assert.Equal(plain.NegativeLogLikelihood(theta, g0), truncated.NegativeLogLikelihood(theta, g1));
                Assert.Equal(g0, g1);
                Assert.All(g1, g => Assert.True(double.IsFinite(g)));
                var h0 = new double[theta.Length * theta.Length];
                var h1 = new double[theta.Length * theta.Length];
                plain.ObservedInformation(theta, h0);
                truncated.ObservedInformation(theta, h1);
                Assert.Equal(h0, h1);
                Assert.All(h1, h => Assert.True(double.IsFinite(h)));
            }

        }

        Assert.Equal(family != "NormalMixture", VectorPaths.IsVectorized(truncated));
    }

    /// <summary>Rows at the edges among rows with real bounds (both sides, one side): the oracle, differences, on both paths.</summary>
    [Theory]
    [MemberData(nameof(Families))]
    public void EdgeRowsAmongRealBoundsMatchTheOracleAndDifferences(string family)
    {
        var support = SupportOf(family);
        var (truncated, _) = Create(family, 33, (i, y) => (i % 4, support) switch
        {
            (0, Support.Real) => (double.NegativeInfinity, double.PositiveInfinity),
            (0, Support.Positive) => (0, double.PositiveInfinity),
            (0, Support.Unit) => (0, 1),
            (1, Support.Unit) => (-0.5, y + ((1 - y) * 0.5)),
            (2, Support.Unit) => (y * 0.6, double.PositiveInfinity),
            (0, Support.Count) => (-1, double.PositiveInfinity),
            (1, Support.Real) => (double.NegativeInfinity, y + 0.4),
            (1, Support.Positive) => (-0.5, y * 1.6),
            (1, Support.Count) => (-2, double.PositiveInfinity),
            (2, Support.Real) => (y - 0.7, double.PositiveInfinity),
            (2, Support.Positive) => (y * 0.6, double.PositiveInfinity),
            (2, Support.Count) => (y >= 1 ? 0 : -1, double.PositiveInfinity),
            (_, Support.Count) => (Math.Min(y - 1, 1), double.PositiveInfinity), // small: the oracle's 1 − Σ p(k) cancels above
            (_, _) => (y - 0.9, y + 0.3),
        });
        var rng = new Random(34);
        var center = ModelChecker.Current(truncated);
        var points = new[] { ModelChecker.RandomPoint(truncated, center, rng), ModelChecker.RandomPoint(truncated, center, rng) };
        foreach (int width in VectorPaths.ScalarAndVector)
        {
            VectorPaths.Force(truncated, width);
            foreach (var theta in points)
            {
                ModelChecker.CheckOracle(truncated, theta);
                ModelChecker.CheckGradient(truncated, theta);
                ModelChecker.CheckObservedInformation(truncated, theta);
            }
        }
    }

    [Fact]
    public void ANaNBoundNamesItsMemberAndRow()
    {
        var (truncated, _) = Create("Weibull", 35, (i, y) => (i == 5 ? double.NaN : 0, double.PositiveInfinity));
        var e = Assert.Throws<ModelDataException>(() => truncated.ValidateData());
        Assert.Equal("Lower", e.Member);
        Assert.Equal(5, e.Index);
        Assert.Contains("NaN", e.Message, StringComparison.Ordinal);
    }

    /// <summary>+∞ as a lower bound (−∞ as an upper one) would leave no observation: an error naming the bound's element.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AnInfiniteBoundOnTheWrongSideNamesIt(bool below)
    {
        var (truncated, _) = Create("Normal", 36, (i, y) => (below && i == 3 ? double.PositiveInfinity : double.NegativeInfinity, !below && i == 3 ? double.NegativeInfinity : double.PositiveInfinity));
        var e = Assert.Throws<ModelDataException>(() => truncated.ValidateData());
        Assert.Equal(below ? "Lower" : "Upper", e.Member);
        Assert.Equal(3, e.Index);
        Assert.Contains(below ? "lower truncation bound" : "upper truncation bound", e.Message, StringComparison.Ordinal);
    }

    /// <summary>A member read by the density as well as bounding it is data like any other: it must be finite.</summary>
    [Fact]
    public void ABoundTheDensityAlsoReadsMustBeFinite()
    {
        var model = new EdgeSharedBoundNormal { Y = [0.5, 1.2, 2.0], Lower = [0, double.NegativeInfinity, 1] };
        var e = Assert.Throws<ModelDataException>(() => model.ValidateData());
        Assert.Equal("Lower", e.Member);
        Assert.Equal(1, e.Index);
        Assert.Contains("finite", e.Message, StringComparison.Ordinal);
    }

    /// <summary>The truncated model and its untruncated twin over the same data; <paramref name="bounds"/> gives row i's (lower, upper) from its observation.</summary>
    private static (IOracleModel Truncated, IMleModel Plain) Create(string family, int seed, Func<int, double, (double Lower, double Upper)> bounds)
    {
        var rng = new Random(seed);
        var support = SupportOf(family);
        var x = new double[N];
        var y = new double[N];
        var lower = new double[N];
        var upper = new double[N];
        for (int i = 0; i < N; i++)
        {
            x[i] = (rng.NextDouble() * 2) - 1;
            double z = Gaussian(rng);
            y[i] = support switch
            {
                Support.Real => (1.5 * z) + x[i],
                Support.Positive => Math.Exp((0.8 * z) + (0.3 * x[i])),
                Support.Unit => 1 / (1 + Math.Exp(-((0.8 * z) + (0.3 * x[i])))),
                _ => Math.Floor(Math.Exp(1 + (0.5 * z))),
            };
            (lower[i], upper[i]) = bounds(i, y[i]);
        }

        var truncated = (IOracleModel)Make("EdgeTruncated" + family);
        var plain = (IMleModel)Make("EdgePlain" + family);
        foreach (object model in new[] { truncated, plain })
        {
            Set(model, "Y", support == Support.Count ? Array.ConvertAll(y, v => (int)v) : y);
            Set(model, "Lower", lower);
            Set(model, "Upper", upper);
            if (family == "NormalMixture")
            {
                Set(model, "Weights", new[] { 0.4, 0.6 });
                Set(model, "Means", new[] { -1.0, 1.5 });
                Set(model, "Sds", new[] { 0.8, 1.2 });
            }
            else
            {
                Set(model, "x", x);
                Set(model, "A", 0.2);
                Set(model, "B", 0.4);
            }
        }

        return (truncated, plain);
    }

    private static object Make(string type) =>
        Activator.CreateInstance(typeof(TruncationEdgeTests).Assembly.GetType("MleGen.Tests.Censoring." + type, throwOnError: true)!)!;

    /// <summary>Sets a data property or parameter field by name; a member the model does not have (the twin's bounds) is skipped.</summary>
    private static void Set(object model, string name, object value)
    {
        var type = model.GetType();
        if (type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance) is { } property)
        {
            property.SetValue(model, value);
        }
        else if (type.GetField(name, BindingFlags.Public | BindingFlags.Instance) is { } field)
        {
            field.SetValue(model, value);
        }
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}

/// <summary>A bound the density also reads (a covariate that is also the detection limit): it stays finite data.</summary>
[Model]
public partial class EdgeSharedBoundNormal
{
    [Data] public required double[] Y { get; init; }
    [Data] public required double[] Lower { get; init; }
    [Param(Lower = 0)] public double Scale = 1;
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y), TruncatedBelow = nameof(Lower))]
    internal Normal Observation(int i) => new(A + (B * Lower[i]), Scale);
}

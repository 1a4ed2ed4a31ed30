using System;
using MleGen.Tests.EndToEnd;
using MleGen.Tests.EndToEnd.Models;
using MleGen.Tests.Simd;
using Xunit;

namespace MleGen.Tests.Censoring;

/// <summary>
/// StudentT's ν given as a <c>[Data] double</c>: its domain allows +∞ (the normal), so the data check lets +∞ through
/// (and NaN, 0, −∞ not), and the generated density, gradient and information at ν = +∞ are the normal model's.
/// </summary>
public class StudentTDataNuTests
{
    private const int N = 23;

    private static (DataNuStudentT T, DataNuNormal Normal) Create(double nu)
    {
        var rng = new Random(41);
        var x = new double[N];
        var y = new double[N];
        for (int i = 0; i < N; i++)
        {
            x[i] = (rng.NextDouble() * 2) - 1;
            y[i] = 0.3 + x[i] + (2 * (rng.NextDouble() - 0.5));
        }

        return (new DataNuStudentT { x = x, Y = y, Nu = nu, A = 0.2, B = 0.9, Scale = 0.7 }, new DataNuNormal { x = x, Y = y, A = 0.2, B = 0.9, Scale = 0.7 });
    }

    /// <summary>ν = +∞: the NLL, gradient, observed and expected information equal the normal regression's (to 1e-14 relative), on both paths.</summary>
    [Fact]
    public void AnInfiniteNuIsTheNormalModel()
    {
        var (t, normal) = Create(double.PositiveInfinity);
        t.ValidateData();
        var rng = new Random(42);
        var center = ModelChecker.Current(normal);
        foreach (int width in VectorPaths.ScalarAndVector)
        {
            VectorPaths.Force(t, width);
            VectorPaths.Force(normal, width);
            foreach (var theta in new[] { center, ModelChecker.RandomPoint(normal, center, rng) })
            {
                IMleModel a = t, b = normal;
                Close(b.NegativeLogLikelihood(theta), a.NegativeLogLikelihood(theta), "NLL");
                var g0 = new double[theta.Length];
                var g1 = new double[theta.Length];
                Close(b.NegativeLogLikelihood(theta, g0), a.NegativeLogLikelihood(theta, g1), "NLL with the gradient");
                var h0 = new double[theta.Length * theta.Length];
                var h1 = new double[theta.Length * theta.Length];
                b.ObservedInformation(theta, h0);
                a.ObservedInformation(theta, h1);
                var e0 = new double[theta.Length * theta.Length];
                var e1 = new double[theta.Length * theta.Length];
                b.ExpectedInformation(theta, e0);
                a.ExpectedInformation(theta, e1);
                for (int k = 0; k < theta.Length; k++)
                {
                    Close(g0[k], g1[k], "gradient " + k);
                }

                for (int k = 0; k < h0.Length; k++)
                {
                    Close(h0[k], h1[k], "observed information " + k);
                    Close(e0[k], e1[k], "expected information " + k);
                }
            }
        }
    }

    /// <summary>A finite ν from data: the oracle and differences, on both paths (the branch to the normal is not taken).</summary>
    [Fact]
    public void AFiniteNuMatchesTheOracleAndDifferences()
    {
        var (t, _) = Create(4.5);
        var rng = new Random(43);
        var center = ModelChecker.Current(t);
        foreach (int width in VectorPaths.ScalarAndVector)
        {
            VectorPaths.Force(t, width);
            foreach (var theta in new[] { center, ModelChecker.RandomPoint(t, center, rng) })
            {
                ModelChecker.CheckOracle(t, theta);
                ModelChecker.CheckGradient(t, theta);
                ModelChecker.CheckObservedInformation(t, theta);
            }
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(0.0)]
    public void ANuOutsideItsDomainNamesIt(double nu)
    {
        var (t, _) = Create(nu);
        var e = Assert.Throws<ModelDataException>(() => t.ValidateData());
        Assert.Equal("Nu", e.Member);
    }

    private static void Close(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-14 * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected:R}, actual {actual:R}");
}

/// <summary>A t regression with its degrees of freedom as data.</summary>
[Model]
public partial class DataNuStudentT : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Data] public required double Nu { get; init; }
    [Param(Lower = 0)] public double Scale = 1;
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y))]
    internal StudentT Observation(int i) => new(Nu, A + (B * x[i]), Scale);

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            nll -= Observation(i).LogDensity(Y[i]);
        }

        return nll;
    }
}

/// <summary>The normal regression ν = +∞ stands for.</summary>
[Model]
public partial class DataNuNormal
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param(Lower = 0)] public double Scale = 1;
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y))]
    internal Normal Observation(int i) => new(A + (B * x[i]), Scale);
}

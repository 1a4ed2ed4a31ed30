using System;
using System.Collections.Generic;
using System.Linq;
using MleGen.Tests.EndToEnd;
using MleGen.Tests.EndToEnd.Models;
using Xunit;

namespace MleGen.Tests.Censoring;

/// <summary>
/// The censored StudentT compiled by the real generator (ν a parameter, and ν fixed data): NLL vs the
/// runtime family's LogDensity/LogCcdf/LogCdf, the gradient and the observed information vs central differences, rows
/// censored far in either tail, no expected information, bad data. Run also under MLEGEN_SCALAR=1 for the scalar kernels.
/// </summary>
public class StudentTCensoringTests
{
    private const int N = 50;

    // (ν = +∞ is the runtime functions' case, StudentTLogCdfTests: [Data] scalars must be finite numbers.)
    public static TheoryData<double> FixedNus => new(0.7, 4, 250, 1e6);

    private static (double[] X, double[] Y, bool[] Right, bool[] Left) Draw(int n, int seed, double nu, double a, double b, double scale)
    {
        var rng = new Random(seed);
        var x = new double[n];
        var y = new double[n];
        var right = new bool[n];
        var left = new bool[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = (rng.NextDouble() * 2) - 1;
            double u = rng.NextDouble();
            right[i] = u < 1.0 / 3;
            left[i] = u > 5.0 / 6;
            y[i] = Sampler.Draw(new StudentT(nu, a + (b * x[i]), scale), rng);
        }

        return (x, y, right, left);
    }

    internal static CensoredStudentTModel Estimated(int seed)
    {
        var (x, y, right, left) = Draw(N, seed, 4, 0.3, 1.2, 0.7);
        return new CensoredStudentTModel { x = x, Y = y, Right = right, Left = left, Nu = 4, A = 0.3, B = 1.2, Scale = 0.7 };
    }

    private static CensoredStudentTFixedNuModel Fixed(double nu, int seed)
    {
        var (x, y, right, left) = Draw(N, seed, nu, 0.3, 1.2, 0.7);
        return new CensoredStudentTFixedNuModel { x = x, Y = y, Right = right, Left = left, Nu = nu, A = 0.3, B = 1.2, Scale = 0.7 };
    }

    private static IEnumerable<double[]> Points(IMleModel model, int seed)
    {
        var rng = new Random(seed);
        var center = ModelChecker.Current(model);
        yield return center;
        for (int k = 0; k < 2; k++)
        {
            yield return ModelChecker.RandomPoint(model, center, rng);
        }
    }

    [Fact]
    public void EstimatedNuMatchesTheOracleAndDifferences()
    {
        var model = Estimated(21);
        foreach (var theta in Points(model, 3))
        {
            ModelChecker.CheckOracle(model, theta);
            ModelChecker.CheckGradient(model, theta);
            ModelChecker.CheckObservedInformation(model, theta);
        }
    }

    [Theory]
    [MemberData(nameof(FixedNus))]
    public void FixedNuMatchesTheOracleAndDifferences(double nu)
    {
        var model = Fixed(nu, 22);
        foreach (var theta in Points(model, 4))
        {
            ModelChecker.CheckOracle(model, theta);
            ModelChecker.CheckGradient(model, theta);
            ModelChecker.CheckObservedInformation(model, theta);
        }
    }

    [Theory]
    [InlineData(1.5, -60.0)]
    [InlineData(1.5, 60.0)]
    [InlineData(30.0, -60.0)]
    [InlineData(30.0, 60.0)]
    [InlineData(5000.0, -40.0)]
    [InlineData(5000.0, 40.0)]
    public void RowsCensoredFarInEitherTail(double nu, double zFar)
    {
        // Row 0 right-censored and row 1 left-censored, both zFar scales from their location: log S and log F are
        // tiny (≈ −F) on one side and far below −700 (where F underflows) on the other for the larger ν.
        var model = Estimated(23);
        model.Nu = nu;
        Array.Clear(model.Right);
        Array.Clear(model.Left);
        model.Right[0] = true;
        model.Left[1] = true;
        model.Y[0] = model.A + (model.B * model.x[0]) + (zFar * model.Scale);
        model.Y[1] = model.A + (model.B * model.x[1]) + (zFar * model.Scale);
        model.ValidateData();
        var theta = ModelChecker.Current(model);
        double nll = ((IMleModel)model).NegativeLogLikelihood(theta);
        Assert.True(double.IsFinite(nll));
        ModelChecker.CheckOracle(model, theta);
        ModelChecker.CheckGradient(model, theta);
        ModelChecker.CheckObservedInformation(model, theta);
    }

    [Fact]
    public void TruncatedNuEstimatedMatchesTheRenormalizedOracleAndDifferences()
    {
        // Y inside (−0.4, Upper[i]]: draws outside are redrawn (the truncated distribution itself).
        var rng = new Random(27);
        var x = new double[N];
        var y = new double[N];
        var upper = new double[N];
        for (int i = 0; i < N; i++)
        {
            x[i] = (rng.NextDouble() * 2) - 1;
            upper[i] = 0.3 + (1.2 * x[i]) + 0.5 + rng.NextDouble();
            do
            {
                y[i] = Sampler.Draw(new StudentT(3, 0.3 + (1.2 * x[i]), 0.7), rng);
            }
            while (!(y[i] > -0.4 && y[i] <= upper[i]));
        }

        var model = new TruncatedStudentTModel { x = x, Y = y, Lower = -0.4, Upper = upper, Nu = 3, A = 0.3, B = 1.2, Scale = 0.7 };
        foreach (var theta in Points(model, 8))
        {
            ModelChecker.CheckOracle(model, theta);
            ModelChecker.CheckGradient(model, theta);
            ModelChecker.CheckObservedInformation(model, theta);
        }
    }

    [Fact]
    public void CensoredTermsHaveNoExpectedInformation()
    {
        IMleModel model = Estimated(24);
        Assert.False(model.HasExpectedInformation);
        var theta = ModelChecker.Current(model);
        var e = Assert.Throws<InvalidOperationException>(() => model.ExpectedInformation(theta, new double[theta.Length * theta.Length]));
        Assert.Contains("'Observation' is censored", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadDataNamesTheMember()
    {
        var model = Fixed(4, 25);
        var negative = new CensoredStudentTFixedNuModel { x = model.x, Y = model.Y, Right = model.Right, Left = model.Left, Nu = -1 };
        var e = Assert.Throws<ModelDataException>(() => negative.ValidateData());
        Assert.Equal("Nu", e.Member);

        var shorter = new CensoredStudentTFixedNuModel { x = model.x, Y = model.Y, Right = model.Right, Left = new bool[N + 1], Nu = 4 };
        e = Assert.Throws<ModelDataException>(() => shorter.ValidateData());
        Assert.Equal("Left", e.Member);

        var nan = Estimated(26);
        nan.Y[5] = double.NaN;
        e = Assert.Throws<ModelDataException>(() => nan.ValidateData());
        Assert.Equal("Y", e.Member);
        Assert.Equal(5, e.Index);
    }
}

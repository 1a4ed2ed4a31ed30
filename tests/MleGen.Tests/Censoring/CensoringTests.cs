using System;
using System.Collections.Generic;
using System.Linq;
using MleGen.Tests.EndToEnd;
using MleGen.Tests.EndToEnd.Models;
using Xunit;

namespace MleGen.Tests.Censoring;

/// <summary>
/// Censored likelihoods compiled by the real generator: the NLL equals Σ −(LogDensity | LogCcdf | LogCdf) of the
/// families' own runtime code, the gradient and the observed information equal central differences, at random points.
/// </summary>
public class CensoringTests
{
    private const int N = 50;

    public static TheoryData<string> Families => new("Normal", "LogNormal", "Laplace", "Cauchy", "Exponential", "Weibull");

    /// <summary>Data drawn from the model at its truth, then about a third of the rows flagged right-censored and a sixth left-censored.</summary>
    internal static IOracleModel Create(string family, int n, int seed)
    {
        var rng = new Random(seed);
        var x = new double[n];
        var y = new double[n];
        var right = new bool[n];
        var left = new bool[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = rng.NextDouble() * 2 - 1;
            double u = rng.NextDouble();
            right[i] = u < 1.0 / 3;
            left[i] = u > 5.0 / 6;
        }

        IOracleModel model = family switch
        {
            "Normal" => new CensoredNormalModel { x = x, Y = y, Right = right, Left = left, A = 0.3, B = 1.2, Scale = 0.7 },
            "LogNormal" => new CensoredLogNormalModel { x = x, Y = y, Right = right, Left = left, A = 0.3, B = 0.6, Scale = 0.5 },
            "Laplace" => new CensoredLaplaceModel { x = x, Y = y, Right = right, Left = left, A = 0.3, B = 1.2, Scale = 0.7 },
            "Cauchy" => new CensoredCauchyModel { x = x, Y = y, Right = right, Left = left, A = 0.2, B = 0.8, Scale = 0.5 },
            "Exponential" => new CensoredExponentialModel { x = x, Y = y, Right = right, Left = left, A = 0.2, B = 0.7 },
            "Weibull" => new CensoredWeibullModel { x = x, Y = y, Right = right, Left = left, A = 0.5, B = 0.4, Scale = 1.6 },
            _ => throw new ArgumentOutOfRangeException(nameof(family)),
        };

        for (int i = 0; i < n; i++)
        {
            y[i] = family switch
            {
                "Normal" => Sampler.Draw(((CensoredNormalModel)model).Observation(i), rng),
                "LogNormal" => Sampler.Draw(((CensoredLogNormalModel)model).Observation(i), rng),
                "Laplace" => Sampler.Draw(((CensoredLaplaceModel)model).Observation(i), rng),
                "Cauchy" => Sampler.Draw(((CensoredCauchyModel)model).Observation(i), rng),
                "Exponential" => Sampler.Draw(((CensoredExponentialModel)model).Observation(i), rng),
                _ => Sampler.Draw(((CensoredWeibullModel)model).Observation(i), rng),
            };
        }

        return model;
    }

    private static IEnumerable<double[]> Points(IOracleModel model, int seed)
    {
        var rng = new Random(seed);
        var center = ModelChecker.Current(model);
        yield return center;
        for (int k = 0; k < 2; k++)
        {
            yield return ModelChecker.RandomPoint(model, center, rng);
        }
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void NllMatchesTheFamiliesLogDensityLogCdfAndLogCcdf(string family)
    {
        var model = Create(family, N, 11);
        foreach (var theta in Points(model, 5))
        {
            ModelChecker.CheckOracle(model, theta);
        }
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void GradientAndObservedInformationMatchFiniteDifferences(string family)
    {
        var model = Create(family, N, 12);
        foreach (var theta in Points(model, 6))
        {
            ModelChecker.CheckGradient(model, theta);
            ModelChecker.CheckObservedInformation(model, theta);
        }
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void CensoredTermsHaveNoExpectedInformation(string family)
    {
        var model = Create(family, N, 13);
        Assert.False(model.HasExpectedInformation);
        var theta = Points(model, 13).First();
        var e = Assert.Throws<InvalidOperationException>(() => model.ExpectedInformation(theta, new double[theta.Length * theta.Length]));
        Assert.Contains("'Observation' is censored", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RowsWithoutFlagsAreTheUncensoredModel()
    {
        // All flags false: exactly the plain Weibull regression's NLL.
        var censored = (CensoredWeibullModel)Create("Weibull", N, 14);
        Array.Clear(censored.Right);
        Array.Clear(censored.Left);
        censored.ValidateData();
        var plain = new WeibullModel { x = censored.x, Y = censored.Y };
        double[] theta = [1.3, 0.4, 0.2];
        double[] plainTheta = [1.3, 0.4, 0.2]; // Shape, A, B in both
        Assert.Equal(((IMleModel)plain).NegativeLogLikelihood(plainTheta), ((IMleModel)censored).NegativeLogLikelihood(theta), 12);
    }

    [Fact]
    public void AFlagArrayOfTheWrongLengthNamesTheMember()
    {
        var model = (CensoredWeibullModel)Create("Weibull", N, 15);
        var shorter = new CensoredWeibullModel { x = model.x, Y = model.Y, Right = new bool[N - 1], Left = model.Left, Scale = 1, A = 0, B = 0 };
        var e = Assert.Throws<ModelDataException>(() => ((IMleModel)shorter).NegativeLogLikelihood(new double[3]));
        Assert.Equal("Right", e.Member);
        Assert.Equal(-1, e.Index);
        Assert.Contains((N - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
        Assert.Contains("one per observation of Y", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnObservationFlaggedBothWaysIsAnError()
    {
        var model = (CensoredNormalModel)Create("Normal", N, 16);
        Array.Clear(model.Right);
        Array.Clear(model.Left);
        model.Right[7] = true;
        model.Left[7] = true;
        var e = Assert.Throws<ModelDataException>(() => model.ValidateData());
        Assert.Equal("Right", e.Member);
        Assert.Equal(7, e.Index);
        Assert.Contains("Left[7]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CensoredObservationsStillHaveToBeInTheSupport()
    {
        var model = (CensoredWeibullModel)Create("Weibull", N, 17);
        model.Right[3] = true;
        model.Left[3] = false;
        model.Y[3] = -1;
        var e = Assert.Throws<ModelDataException>(() => model.ValidateData());
        Assert.Equal("Y", e.Member);
        Assert.Equal(3, e.Index);
    }
}

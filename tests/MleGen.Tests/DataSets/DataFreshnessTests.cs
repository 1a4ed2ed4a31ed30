using System;
using MleGen.Tests.EndToEnd;
using MleGen.Tests.EndToEnd.Models;
using Xunit;

namespace MleGen.Tests.DataSets;

/// <summary>
/// Data are validated, and the NLL's data-only sums (log y!, log C(n, y)) computed, for the data as they are
/// when used: every fit re-checks them; a direct evaluation after an in-place change needs
/// <see cref="IMleModel.ValidateData"/> (the documented contract), except that a non-finite result re-checks
/// the data by itself.
/// </summary>
public class DataFreshnessTests
{
    private const int N = 200;
    private static readonly double[] Theta = [0.4, 0.7];

    [Fact]
    public void ABootstrapRefillInPlaceFitsLikeAFreshInstance()
    {
        var source = Poisson(1);
        var model = Poisson(1);
        model.Fit();
        var rng = new Random(7);
        for (int b = 0; b < 5; b++)
        {
            // Resample (x, y) pairs into the SAME arrays, as a bootstrap loop reusing its buffers does.
            for (int i = 0; i < N; i++)
            {
                int k = rng.Next(N);
                model.x[i] = source.x[k];
                model.Y[i] = source.Y[k];
            }

            var fresh = new PoissonModel { x = (double[])model.x.Clone(), Y = (int[])model.Y.Clone() };
            FitResult expected = fresh.Fit();
            model.A = 0;
            model.B = 0;
            FitResult fit = model.Fit();
            Assert.True(Math.Abs(expected.LogLikelihood - fit.LogLikelihood) <= 1e-9 * Math.Abs(expected.LogLikelihood), $"resample {b}: logLik {fit.LogLikelihood} vs a fresh instance's {expected.LogLikelihood}");
            Assert.Equal(expected["B"].Estimate, fit["B"].Estimate, 8);
        }
    }

    [Fact]
    public void ValidateDataAfterARefillGivesTheNewDataSetsNll()
    {
        var model = Poisson(1);
        double before = ((IMleModel)model).NegativeLogLikelihood(Theta);
        var other = Poisson(2);
        other.Y.CopyTo(model.Y, 0);
        other.x.CopyTo(model.x, 0);
        model.ValidateData();
        double after = ((IMleModel)model).NegativeLogLikelihood(Theta);
        double expected = ((IMleModel)new PoissonModel { x = other.x, Y = other.Y }).NegativeLogLikelihood(Theta);
        Assert.NotEqual(before, after);
        Assert.Equal(expected, after, 10);
        ((IMleModel)other).WriteParameters(Theta);
        ModelChecker.AssertClose(other.OracleNll(), after, 1e-10 * Math.Abs(after), "the oracle on the refilled data");
    }

    [Fact]
    public void ANegativeCountWrittenInPlaceIsRejectedByTheNextFit()
    {
        var model = Poisson(1);
        model.Fit();
        model.Y[2] = -3;
        var e = Assert.Throws<ModelDataException>(() => model.Fit());
        Assert.Equal("Y", e.Member);
        Assert.Equal(2, e.Index);
        Assert.Throws<ModelDataException>(() => model.ValidateData());
    }

    [Theory]
    [InlineData("Nll")]
    [InlineData("NllGradient")]
    [InlineData("Observed")]
    [InlineData("Expected")]
    [InlineData("Score")]
    public void ANaNWrittenInPlaceIsAnErrorNotANaN(string entry)
    {
        var model = Poisson(1);
        ((IMleModel)model).NegativeLogLikelihood(Theta);
        model.x[5] = double.NaN;
        var e = Assert.Throws<ModelDataException>(() => Evaluate(model, entry));
        Assert.Equal("x", e.Member);
        Assert.Equal(5, e.Index);
        var fit = Assert.Throws<ModelDataException>(() => model.Fit());
        Assert.Equal("x", fit.Member);
    }

    [Fact]
    public void TrialsChangedInPlaceChangeTheNllAfterValidateDataAndTheFit()
    {
        var model = (BinomialLogitModel)ModelCases.Get("BinomialLogit").Simulate(N, 3);
        ((IMleModel)model).NegativeLogLikelihood(Theta);
        FitResult first = model.Fit();
        for (int i = 0; i < N; i++)
        {
            model.N[i] *= 10;
        }

        var fresh = new BinomialLogitModel { x = model.x, N = (int[])model.N.Clone(), Y = model.Y };
        model.ValidateData();
        Assert.Equal(((IMleModel)fresh).NegativeLogLikelihood(Theta), ((IMleModel)model).NegativeLogLikelihood(Theta), 10);
        ((IMleModel)fresh).WriteParameters(Theta);
        ModelChecker.AssertClose(fresh.OracleNll(), ((IMleModel)model).NegativeLogLikelihood(Theta), 1e-9 * fresh.OracleNll(), "the oracle with the new trials");

        FitResult expected = new BinomialLogitModel { x = model.x, N = (int[])model.N.Clone(), Y = model.Y }.Fit();
        model.A = 0;
        model.B = 0;
        model.N[0] = model.N[0]; // nothing replaced: only the fit's own re-check sees the new trials
        FitResult fit = model.Fit();
        Assert.NotEqual(first.LogLikelihood, fit.LogLikelihood);
        Assert.Equal(expected.LogLikelihood, fit.LogLikelihood, 8);
    }

    private static PoissonModel Poisson(int seed) => (PoissonModel)ModelCases.Get("Poisson").Simulate(N, seed);

    internal static void Evaluate(IMleModel model, string entry)
    {
        int p = model.ParameterCount;
        double[] theta = new double[p];
        model.ReadParameters(theta);
        switch (entry)
        {
            case "Nll":
                model.NegativeLogLikelihood(theta);
                break;
            case "NllGradient":
                model.NegativeLogLikelihood(theta, new double[p]);
                break;
            case "Observed":
                model.ObservedInformation(theta, new double[p * p]);
                break;
            case "Expected":
                model.ExpectedInformation(theta, new double[p * p]);
                break;
            case "Score":
                model.ScoreOuterProduct(theta, new double[p * p]);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(entry));
        }
    }
}

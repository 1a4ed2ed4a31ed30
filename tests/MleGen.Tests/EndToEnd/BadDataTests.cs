using System;
using MleGen.Tests.EndToEnd.Models;
using Xunit;

namespace MleGen.Tests.EndToEnd;

/// <summary>Bad input is a <see cref="ModelDataException"/> naming the member and index, never a silent NaN.</summary>
public class BadDataTests
{
    private const int N = 40;

    public static TheoryData<string> EntryPoints => new(["Nll", "NllGradient", "Observed", "Expected", "Score"]);

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public void NaNInTheDesignMatrixNamesXAndTheFlatIndex(string entry)
    {
        var model = (NormalRegressionModel)ModelCases.Get("NormalRegression").Simulate(N, 1);
        model.X[5, 1] = double.NaN;
        var e = Assert.Throws<ModelDataException>(() => Call(model, entry));
        Assert.Equal("X", e.Member);
        Assert.Equal((5 * 2) + 1, e.Index);
        Assert.Contains("X", e.Message, StringComparison.Ordinal);
        Assert.Contains("[5, 1]", e.Message, StringComparison.Ordinal);
        Assert.Contains("NaN", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InfiniteObservationNamesYAndTheIndex()
    {
        var model = (NormalRegressionModel)ModelCases.Get("NormalRegression").Simulate(N, 1);
        model.Y[7] = double.PositiveInfinity;
        var e = Assert.Throws<ModelDataException>(() => Call(model, "Nll"));
        Assert.Equal("Y", e.Member);
        Assert.Equal(7, e.Index);
        Assert.Contains("Y[7]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RowsOfXMustMatchTheObservations()
    {
        var rng = new Random(2);
        var model = new NormalRegressionModel { X = ModelCases.Matrix(rng, N - 1, 2), Y = ModelCases.Vector(rng, N), Beta = [0, 0] };
        var e = Assert.Throws<ModelDataException>(() => Call(model, "Nll"));
        Assert.Equal("X", e.Member);
        Assert.Equal(-1, e.Index);
        Assert.Contains((N - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CoefficientVectorMustMatchTheColumnsOfX()
    {
        var rng = new Random(2);
        var model = new NormalRegressionModel { X = ModelCases.Matrix(rng, N, 2), Y = ModelCases.Vector(rng, N), Beta = [0, 0, 0] };
        Assert.Throws<ModelDataException>(() => ((IMleModel)model).NegativeLogLikelihood(new double[5]));
    }

    [Fact]
    public void NullDataIsNamed()
    {
        var model = new NormalRegressionModel { X = null!, Y = new double[N], Beta = [0, 0] };
        var e = Assert.Throws<ModelDataException>(() => Call(model, "Nll"));
        Assert.Equal("X", e.Member);
        Assert.Equal(-1, e.Index);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(1.5)]
    public void PoissonCountOutsideTheSupport(double bad)
    {
        var model = Poisson(3);
        model.Y[12] = bad;
        var e = Assert.Throws<ModelDataException>(() => Call(model, "Nll"));
        Assert.Equal("Y", e.Member);
        Assert.Equal(12, e.Index);
        Assert.Contains("Poisson", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BernoulliTwoIsOutsideTheSupport()
    {
        var model = (BernoulliModel)ModelCases.Get("Bernoulli").Simulate(N, 1);
        model.Y[3] = 2;
        var e = Assert.Throws<ModelDataException>(() => Call(model, "NllGradient"));
        Assert.Equal("Y", e.Member);
        Assert.Equal(3, e.Index);
    }

    [Fact]
    public void GammaZeroIsOutsideTheSupport()
    {
        var model = (GammaModel)ModelCases.Get("Gamma").Simulate(N, 1);
        model.Y[0] = 0;
        var e = Assert.Throws<ModelDataException>(() => Call(model, "Observed"));
        Assert.Equal("Y", e.Member);
        Assert.Equal(0, e.Index);
    }

    [Fact]
    public void BetaOneIsOutsideTheSupport()
    {
        var model = (BetaModel)ModelCases.Get("Beta").Simulate(N, 1);
        model.Y[9] = 1;
        var e = Assert.Throws<ModelDataException>(() => Call(model, "Nll"));
        Assert.Equal("Y", e.Member);
        Assert.Equal(9, e.Index);
    }

    [Fact]
    public void BinomialSuccessesAboveTheTrials()
    {
        var model = (BinomialModel)ModelCases.Get("Binomial").Simulate(N, 1);
        model.Y[4] = model.N[4] + 1;
        var e = Assert.Throws<ModelDataException>(() => Call(model, "Nll"));
        Assert.Equal("Y", e.Member);
        Assert.Equal(4, e.Index);
    }

    [Fact]
    public void CategoricalClassThreeOfThree()
    {
        var model = (CategoricalNoReferenceModel)ModelCases.Get("CategoricalNoReference").Simulate(N, 1);
        model.Y[6] = 3;
        var e = Assert.Throws<ModelDataException>(() => Call(model, "Expected"));
        Assert.Equal("Y", e.Member);
        Assert.Equal(6, e.Index);
    }

    [Fact]
    public void CategoricalWithReferenceClassThreeOfThree()
    {
        var model = (CategoricalModel)ModelCases.Get("Categorical").Simulate(N, 1);
        model.Y[6] = 3;
        var e = Assert.Throws<ModelDataException>(() => Call(model, "Score"));
        Assert.Equal("Y", e.Member);
        Assert.Equal(6, e.Index);
    }

    [Fact]
    public void SecondLikelihoodTermIsValidatedToo()
    {
        var model = (MixedModel)ModelCases.Get("Mixed").Simulate(N, 1);
        model.Counts[N + 2] = -3;
        var e = Assert.Throws<ModelDataException>(() => Call(model, "Nll"));
        Assert.Equal("Counts", e.Member);
        Assert.Equal(N + 2, e.Index);
    }

    [Fact]
    public void WeightsMustMatchTheirTerm()
    {
        var good = (MixedModel)ModelCases.Get("Mixed").Simulate(N, 1);
        var model = new MixedModel { X = good.X, Group = good.Group, W = new double[N - 1], Y = good.Y, U = good.U, Counts = good.Counts, Beta = good.Beta, G = good.G };
        var e = Assert.Throws<ModelDataException>(() => Call(model, "Nll"));
        Assert.Equal("W", e.Member);
    }

    [Fact]
    public void EmptyDataIsRejected()
    {
        var model = new SettablePoissonModel { x = [], Y = [] };
        var e = Assert.Throws<ModelDataException>(() => Call(model, "Nll"));
        Assert.Equal("Y", e.Member);
        Assert.Equal(-1, e.Index);
    }

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public void ThetaOfTheWrongLengthIsAnArgumentException(string entry)
    {
        var model = Poisson(3);
        var e = Assert.Throws<ArgumentException>(() => Call(model, entry, new double[3]));
        Assert.IsNotType<ModelDataException>(e);
    }

    [Fact]
    public void OutputSpansOfTheWrongLengthAreArgumentExceptions()
    {
        var model = Poisson(3);
        var theta = new double[2];
        Assert.Throws<ArgumentException>(() => ((IMleModel)model).NegativeLogLikelihood(theta, new double[3]));
        Assert.Throws<ArgumentException>(() => ((IMleModel)model).ObservedInformation(theta, new double[3]));
        Assert.Throws<ArgumentException>(() => ((IMleModel)model).ExpectedInformation(theta, new double[5]));
        Assert.Throws<ArgumentException>(() => ((IMleModel)model).ScoreOuterProduct(theta, new double[2]));
    }

    [Fact]
    public void ReplacingADataArrayAfterAGoodRunTriggersRevalidation()
    {
        var model = Poisson(3);
        double good = ((IMleModel)model).NegativeLogLikelihood([0.1, 0.2]);
        ((IMleModel)model).WriteParameters([0.1, 0.2]);
        ModelChecker.AssertClose(model.OracleNll(), good, 1e-10 * Math.Abs(good), "NLL before the data change");

        var bad = (double[])model.Y.Clone();
        bad[20] = -1;
        model.Y = bad;
        var e = Assert.Throws<ModelDataException>(() => ((IMleModel)model).NegativeLogLikelihood([0.1, 0.2]));
        Assert.Equal("Y", e.Member);
        Assert.Equal(20, e.Index);

        var badX = (double[])model.x.Clone();
        badX[2] = double.NaN;
        bad[20] = 1;
        model.x = badX;
        var e2 = Assert.Throws<ModelDataException>(() => ((IMleModel)model).NegativeLogLikelihood([0.1, 0.2], new double[2]));
        Assert.Equal("x", e2.Member);
        Assert.Equal(2, e2.Index);
    }

    [Fact]
    public void ReplacingDataWithGoodDataIsEvaluatedOnTheNewData()
    {
        var model = Poisson(3);
        ((IMleModel)model).NegativeLogLikelihood([0.1, 0.2]);
        var other = Poisson(4);
        model.x = other.x;
        model.Y = other.Y;
        double nll = ((IMleModel)model).NegativeLogLikelihood([0.1, 0.2]);
        ((IMleModel)other).WriteParameters([0.1, 0.2]);
        ModelChecker.AssertClose(other.OracleNll(), nll, 1e-10 * Math.Abs(nll), "NLL on the replaced data");
    }

    private static SettablePoissonModel Poisson(int seed)
    {
        var rng = new Random(seed);
        var model = new SettablePoissonModel { x = ModelCases.Vector(rng, N), Y = new double[N], A = 0.5, B = 0.8 };
        for (int i = 0; i < N; i++)
        {
            model.Y[i] = Sampler.Draw(model.Observation(i), rng);
        }

        return model;
    }

    private static void Call(IMleModel model, string entry, double[]? theta = null)
    {
        int p = model.ParameterCount;
        theta ??= new double[p];
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

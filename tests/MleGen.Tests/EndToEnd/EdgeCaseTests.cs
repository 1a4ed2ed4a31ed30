using System;
using MleGen.Tests.EndToEnd.Models;
using Xunit;

namespace MleGen.Tests.EndToEnd;

public class EdgeCaseTests
{
    /// <summary>Linear predictors of ±40: the log-space forms must still match the oracle (which switches to −Softplus(∓η)).</summary>
    [Fact]
    public void SeparatedLogisticDataStaysFiniteAndMatchesTheOracle()
    {
        var model = (BernoulliLogitModel)ModelCases.Get("BernoulliLogit").Simulate(60, 2);
        double[] theta = [1, 40, -40];
        ModelChecker.CheckOracle(model, theta);
        ModelChecker.CheckGradient(model, theta);
        ModelChecker.CheckObservedInformation(model, theta);
        var g = new double[3];
        Assert.True(double.IsFinite(((IMleModel)model).NegativeLogLikelihood(theta, g)));
    }

    [Fact]
    public void LayoutRejectsOutOfRangeIndicesAndSpans()
    {
        var model = ModelCases.Get("Mixed").Simulate(30, 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.GetParameterInfo(model.ParameterCount));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.GetParameterName(-1));
        Assert.Throws<ArgumentException>(() => model.ReadParameters(new double[model.ParameterCount + 1]));
        Assert.Throws<ArgumentException>(() => model.WriteParameters(new double[model.ParameterCount - 1]));
    }

    /// <summary>A parameter vector's length is read at call time: growing Beta grows θ.</summary>
    [Fact]
    public void ParameterCountFollowsTheShapesOfTheMembers()
    {
        var rng = new Random(6);
        var model = new NormalRegressionModel { X = ModelCases.Matrix(rng, 20, 4), Y = ModelCases.Vector(rng, 20), Beta = new double[4] };
        Assert.Equal(6, ((IMleModel)model).ParameterCount);
        Assert.Equal("Beta[3]", ((IMleModel)model).GetParameterName(4));
        Assert.Equal("Sigma", ((IMleModel)model).GetParameterName(5));
        var theta = new double[] { 0.1, 0.2, -0.3, 0.4, 0.5, 0.9 };
        ModelChecker.CheckOracle(model, theta);
        ModelChecker.CheckGradient(model, theta);
    }
}

using MleGen.Generators.Description;
using MleGen.Generators.Tests.Harness;
using Xunit;

namespace MleGen.Generators.Tests.Parsing;

/// <summary>Which models are GLM-shaped (and so get deviances and exponentiated coefficients): only the ones R's glm would fit.</summary>
public class GlmShapeTests
{
    private static GlmShape? Shape(string members) => GlmShape.Of(CompilationHarness.ParseModel($$"""
        using System;
        using MleGen;
        using static MleGen.Functions;

        [Model]
        public partial class M
        {
            [Data] public double[,] X = new double[0, 0];
            [Data] public double[] Z = [];
            [Data] public double[] W = [];
            [Data] public int[] N = [];
        {{members}}
        }
        """).Spec!);

    [Fact]
    public void LinearPredictorsOfGlmFamiliesAreGlms()
    {
        Assert.Equal(new GlmShape("Poisson", "Log", null, true, "X", true, null),
            Shape("[Data] public int[] Y = []; [Param] public double A; [Param] public double[] B = []; [Likelihood(nameof(Y))] PoissonLog O(int i) => new(Math.Log(Z[i]) + A + Dot(B, X, i));"));
        Assert.Equal(new GlmShape("Binomial", "Logit", "N", false, null, false, null),
            Shape("[Data] public int[] Y = []; [Param] public double A; [Likelihood(nameof(Y))] BinomialLogit O(int i) => new(N[i], A * Z[i] - 2 * A * W[i]);"));
        Assert.Equal(new GlmShape("Gaussian", "Identity", null, true, null, false, "Sigma"),
            Shape("[Data] public double[] Y = []; [Param] public double A; [Param(Lower = 0)] private double _sigma = 1; [Likelihood(nameof(Y))] Normal O(int i) => new(A + A * Z[i], _sigma);"));
    }

    [Theory]
    [InlineData("[Data] public double[] Y = []; [Param] public double A; [Param] public double B; [Likelihood(nameof(Y))] Normal O(int i) => new(A * Math.Exp(B * Z[i]), 1);")] // nonlinear
    [InlineData("[Data] public int[] Y = []; [Param] public double A; [Likelihood(nameof(Y), Weights = nameof(W))] PoissonLog O(int i) => new(A);")] // weighted
    [InlineData("[Data] public int[] Y = []; [Param, L2(1)] public double A; [Likelihood(nameof(Y))] PoissonLog O(int i) => new(A);")] // a prior
    [InlineData("[Data] public double[] Y = []; [Param] public double A; [Param(Lower = 0)] public double S = 1; [Likelihood(nameof(Y))] Normal O(int i) => new(A, Math.Exp(S));")] // sd not a bare parameter
    [InlineData("[Data] public double[] Y = []; [Param] public double A; [Param(Lower = 0)] public double S = 1; [Likelihood(nameof(Y))] Normal O(int i) => new(A + S * Z[i], S);")] // the sd in the predictor
    [InlineData("[Data] public double[] Y = []; [Param(Lower = 0)] public double S = 1; [Likelihood(nameof(Y))] Gamma O(int i) => new(S, S);")] // not a GLM family here
    [InlineData("[Data] public int[] Y = []; [Param] public double A; [Likelihood(nameof(Y))] PoissonLog O(int i) => new(A); [Likelihood(nameof(N))] PoissonLog P(int i) => new(A);")] // two terms
    public void OtherModelsAreNot(string members) => Assert.Null(Shape(members));
}

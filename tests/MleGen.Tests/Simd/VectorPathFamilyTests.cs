using System;
using System.Collections.Generic;
using System.Linq;
using MleGen.Tests.EndToEnd;
using MleGen.Tests.EndToEnd.Models;
using Xunit;

namespace MleGen.Tests.Simd;

/// <summary>
/// Every family model of <see cref="ModelCases"/> on both paths: the NLL against the family's own LogDensity (the
/// oracle) and the gradient against central differences, with the scalar kernels forced and with the vector kernels
/// (<see cref="FamilyModelTests"/> runs the same checks at the process's default width); the two paths agree to 1e-12
/// relative. n = 61: 15 blocks of 4 (7 of 8) and a scalar remainder.
/// </summary>
public class VectorPathFamilyTests
{
    private const int N = 61;

    public static TheoryData<string> Cases => new(ModelCases.Names);

    /// <summary>
    /// The models none of whose terms has vector kernels (documented fallback, docs/internals/simd.md): the categorical
    /// logits read the logit and scatter the gradient of the observed class, an element chosen per observation.
    /// ("Mixed" has a categorical term, scalar, and a vectorized one.)
    /// </summary>
    private static readonly HashSet<string> Scalar = ["Categorical", "CategoricalNoReference", "CategoricalShared"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void OracleAndFiniteDifferencesOnBothPaths(string name)
    {
        var model = ModelCases.Get(name).Simulate(N, 23);
        var truth = ModelChecker.Current(model);
        var rng = new Random(name.Length * 104729);
        var points = Enumerable.Range(0, 2).Select(_ => ModelChecker.RandomPoint(model, truth, rng)).ToList();
        foreach (int width in VectorPaths.ScalarAndVector)
        {
            VectorPaths.Force(model, width);
            foreach (var theta in points)
            {
                ModelChecker.CheckOracle(model, theta);
                ModelChecker.CheckGradient(model, theta);
                Assert.Equal(width, VectorPaths.LastWidth(model));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void VectorAndScalarPathsAgree(string name)
    {
        var model = ModelCases.Get(name).Simulate(N, 29);
        var theta = ModelChecker.Current(model);
        Assert.True(Scalar.Contains(name) || VectorPaths.IsVectorized(model), name + " has vector kernels");
        var (nll, gradient) = Evaluate(VectorPaths.Force(model, 1), theta);
        double scale = Math.Max(1, gradient.Max(Math.Abs));
        foreach (int width in new[] { 4, 8 })
        {
            var (vectorNll, vectorGradient) = Evaluate(VectorPaths.Force(model, width), theta);
            Approx.Equal(nll, vectorNll, 1e-12);
            for (int j = 0; j < theta.Length; j++)
            {
                Assert.True(Math.Abs(gradient[j] - vectorGradient[j]) <= 1e-12 * scale,
                    $"width {width}, {model.GetParameterName(j)}: scalar {gradient[j]:R}, vector {vectorGradient[j]:R}");
            }
        }
    }

    /// <summary>
    /// The models whose information matrices have vector kernels (docs/internals/simd.md): the GLM shapes, a linear
    /// predictor Dot(Beta, X, i) whose entries become rank-W and row updates. The others keep the scalar kernels.
    /// </summary>
    private static readonly HashSet<string> VectorInformation = ["NormalRegression", "NormalKnownSigma", "BernoulliLogit", "BernoulliLogitBool", "PoissonLog", "EightDots"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void InformationMatricesAgreeOnBothPaths(string name)
    {
        var model = ModelCases.Get(name).Simulate(N, 31);
        var theta = ModelChecker.Current(model);
        var (observed, expected) = VectorPaths.Information(VectorPaths.Force(model, 1), theta);
        Assert.Equal(1, VectorPaths.LastWidth(model));
        foreach (int width in new[] { 4, 8 })
        {
            var (vectorObserved, vectorExpected) = VectorPaths.Information(VectorPaths.Force(model, width), theta);
            Assert.Equal(width, VectorPaths.LastWidth(model));
            VectorPaths.MatrixAgrees(model, $"width {width}, observed information", observed, vectorObserved, 1e-12);
            if (expected is not null)
            {
                VectorPaths.MatrixAgrees(model, $"width {width}, expected information", expected, vectorExpected!, 1e-12);
            }
        }
    }

    [Fact]
    public void FamilyModelsHaveVectorInformationKernels()
    {
        var vectorized = ModelCases.Names.Where(name => VectorPaths.IsInformationVectorized(ModelCases.Get(name).Simulate(8, 1))).ToHashSet();
        Assert.True(VectorInformation.IsSubsetOf(vectorized), "no vector information kernels: " + string.Join(", ", VectorInformation.Except(vectorized)));
        Assert.True(vectorized.SetEquals(VectorInformation), "vector information kernels: " + string.Join(", ", vectorized));
    }

    private static (double Nll, double[] Gradient) Evaluate(IMleModel model, double[] theta)
    {
        double[] gradient = new double[theta.Length];
        double nll = model.NegativeLogLikelihood(theta, gradient);
        Approx.Equal(nll, model.NegativeLogLikelihood(theta), 1e-13);
        return (nll, gradient);
    }
}

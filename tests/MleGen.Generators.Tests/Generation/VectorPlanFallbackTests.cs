using Xunit;

namespace MleGen.Generators.Tests.Generation;

/// <summary>A model whose vector kernels cannot be planned keeps its scalar kernels, and nothing else breaks.</summary>
public class VectorPlanFallbackTests
{
    /// <summary>
    /// Fuzz mutant 864 (seed 1): a softmax reduction over k holding a sum that shadows k. The vector plan declines it (an
    /// internal "no local" in its dry run); the fallback emitter then had no information-kernel flags, and the expected
    /// information's dispatch indexed an empty array: MLE0026 on a model the scalar kernels compile.
    /// </summary>
    [Fact]
    public void AModelTheVectorPlanDeclinesStillGeneratesAndCompiles()
    {
        const string source = """
using System;
using MleGen;
using static MleGen.Functions;
namespace Fuzz;
[Model]
public partial class CategoricalModel {
    [Data] public required double[,] X { get; init; }
    [Data] public required int[] Y { get; init; }
    [Param] public double[] B0 = new double[2];
    [Param] public double[,] W = new double[2, 2];
    [Likelihood(nameof(Y))]
    internal CategoricalLogits Observation(int i) => CategoricalLogits.Of(3, k => k == 0 ? 0 : B0[k - 1] + Sum(X.GetLength(1), j => Sum(2, k => W[k - 1, j] * k) * X[i, j]));
}
""";
        // Run asserts no generator diagnostic and an output that compiles without error.
        var result = Harness.GeneratorHarness.Run(source);
        Assert.Single(result.GeneratedSources);
    }
}

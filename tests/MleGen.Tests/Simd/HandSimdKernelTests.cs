using System;
using System.Linq;
using MleGen.Benchmarks;
using Xunit;

namespace MleGen.Tests.Simd;

/// <summary>
/// The hand-written Vector256 + FMA kernels the benchmarks set beside the generated ones compute the same NLL and
/// gradient as the generated kernels (n = 1,003: full blocks of 4 and a scalar remainder of 3), so the timings compare
/// equal work.
/// </summary>
public class HandSimdKernelTests
{
    private const int N = 1003, P = 10;
    private const double Tolerance = 1e-11;

    [Fact]
    public void PoissonAgreesWithTheGeneratedKernel()
    {
        (double[,] x, double[] beta) = SyntheticData.Design(N, P, seed: 3);
        int[] y = SyntheticData.Poisson(x, beta, seed: 4);
        double[] theta = beta.Select(b => 0.9 * b).ToArray();
        var model = new PoissonModel { X = x, Y = y, Beta = new double[P] };
        double logFactorials = y.Sum(v => Functions.LogFactorial(v));
        Agree(theta, (t, g) => ((IMleModel)model).NegativeLogLikelihood(t, g), (t, g) => SimdPoisson.ValueAndGradient(x, y, logFactorials, t, g));
    }

    [Fact]
    public void LinearAgreesWithTheGeneratedKernel()
    {
        (double[,] x, double[] beta) = SyntheticData.Design(N, P, seed: 5);
        double[] y = SyntheticData.Gaussian(x, beta, sigma: 0.5, seed: 6);
        double[] theta = [.. beta.Select(b => 0.9 * b), 0.6];
        var model = new LinearModel { X = x, Y = y, Beta = new double[P] };
        Agree(theta, (t, g) => ((IMleModel)model).NegativeLogLikelihood(t, g), (t, g) => SimdLinear.ValueAndGradient(x, y, t, g));
    }

    [Fact]
    public void NegativeBinomialAgreesWithTheGeneratedKernel()
    {
        (double[,] x, double[] beta) = SyntheticData.Design(N, P, seed: 8);
        int[] y = SyntheticData.NegativeBinomial(x, beta, dispersion: 2, seed: 9);
        Assert.True(y.Distinct().Count() > 5, "the counts vary");
        double[] theta = [.. beta.Select(b => 0.9 * b), 1.7];
        var model = new NegativeBinomialRegressionModel { X = x, Y = y, Beta = new double[P] };
        var kernel = new SimdNegativeBinomial(y.Max());
        Agree(theta, (t, g) => ((IMleModel)model).NegativeLogLikelihood(t, g), (t, g) => kernel.ValueAndGradient(x, y, t, g));
    }

    [Fact]
    public void MixtureAgreesWithTheGeneratedKernel()
    {
        double[] y = SyntheticData.Mixture(N, [0.5, 0.3, 0.2], [-2, 0, 3], [1, 0.5, 1.5], seed: 7);
        double[] theta = [0.45, 0.35, 0.2, -1.8, 0.1, 2.9, 1.1, 0.6, 1.4];
        var model = new MixtureModel { Y = y, Weights = new double[3], Means = new double[3], Sds = new double[3] };
        Agree(theta, (t, g) => ((IMleModel)model).NegativeLogLikelihood(t, g), (t, g) => SimdMixture.ValueAndGradient(y, t, g));
    }

    [Fact]
    public void LogisticInformationAgreesWithTheGeneratedKernel()
    {
        (double[,] x, double[] beta) = SyntheticData.Design(N, 20, seed: 1);
        int[] y = SyntheticData.Bernoulli(x, beta, seed: 2);
        double[] theta = beta.Select(b => 0.9 * b).ToArray();
        IMleModel model = new LogisticModel { X = x, Y = y, Beta = new double[20] };
        double[] generated = new double[400], hand = new double[400];
        model.ObservedInformation(theta, generated);
        SimdInformation.Logistic(x, theta, hand);
        double scale = generated.Max(Math.Abs);
        for (int k = 0; k < generated.Length; k++)
        {
            Assert.True(Math.Abs(generated[k] - hand[k]) <= Tolerance * scale, $"[{k / 20}, {k % 20}]: generated {generated[k]:R}, hand SIMD {hand[k]:R}");
        }

        Assert.Equal(0, AllocationProbe.Fewest(() => SimdInformation.Logistic(x, theta, hand)));
    }

    private static void Agree(double[] theta, Func<double[], double[], double> generated, Func<double[], double[], double> hand)
    {
        double[] expectedGradient = new double[theta.Length], gradient = new double[theta.Length];
        double expected = generated(theta, expectedGradient);
        double actual = hand(theta, gradient);
        Approx.Equal(expected, actual, Tolerance);

        // Gradient components relative to the gradient's size (a component near 0 is a sum of cancelling terms).
        double scale = expectedGradient.Max(Math.Abs);
        for (int j = 0; j < theta.Length; j++)
        {
            Assert.True(Math.Abs(expectedGradient[j] - gradient[j]) <= Tolerance * scale,
                $"∂/∂θ[{j}]: generated {expectedGradient[j]:R}, hand SIMD {gradient[j]:R}");
        }

        Assert.Equal(0, AllocationProbe.Fewest(() => hand(theta, gradient)));
    }
}

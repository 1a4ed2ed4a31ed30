using System;
using MleGen.Benchmarks;

namespace MleGen.Tests.Fitting.Agreement;

/// <summary>
/// Smaller versions of the benchmark's full-fit problems: the benchmark's models and seeded data
/// generators (linked from tests/MleGen.Benchmarks), logistic 20,000 × 20, Poisson 20,000 × 10 and a
/// 3-component normal mixture of 5,000. Each call builds a fresh model, so fits never start from
/// another fit's estimates.
/// </summary>
internal static class AgreementCases
{
    public const string Logistic = "logistic 20k×20", Poisson = "Poisson 20k×10", Mixture = "mixture K=3 5k";

    public static IMleModel Create(string name) => name switch
    {
        Logistic => CreateLogistic(),
        Poisson => CreatePoisson(),
        Mixture => CreateMixture(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static LogisticModel CreateLogistic()
    {
        (double[,] x, double[] beta) = SyntheticData.Design(20_000, 20, seed: 11);
        return new LogisticModel { X = x, Y = SyntheticData.Bernoulli(x, beta, seed: 12), Beta = new double[20] };
    }

    private static PoissonModel CreatePoisson()
    {
        (double[,] x, double[] beta) = SyntheticData.Design(20_000, 10, seed: 13);
        return new PoissonModel { X = x, Y = SyntheticData.Poisson(x, beta, seed: 14), Beta = new double[10] };
    }

    private static MixtureModel CreateMixture()
    {
        double[] y = SyntheticData.Mixture(5_000, [0.5, 0.3, 0.2], [-2, 0, 3], [1, 0.5, 1.5], seed: 15);

        // The benchmark's start: near but not at the truth, components ordered as generated.
        return new MixtureModel { Y = y, Weights = [0.4, 0.35, 0.25], Means = [-1.5, 0.5, 2.5], Sds = [1.2, 0.8, 1.2] };
    }
}

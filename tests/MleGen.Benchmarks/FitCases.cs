using System;

namespace MleGen.Benchmarks;

/// <summary>The models whose full fits are benchmarked.</summary>
public enum FitCase
{
    /// <summary>Logistic regression, n = 1,000,000, p = 20.</summary>
    Logistic,

    /// <summary>Poisson regression with a log link, n = 1,000,000, p = 10.</summary>
    Poisson,

    /// <summary>A 3-component normal mixture (simplex weights, positive scales), n = 100,000.</summary>
    Mixture,

    /// <summary>Negative binomial regression with a log link and a dispersion, n = 1,000,000, p = 10.</summary>
    NegativeBinomial,
}

/// <summary>
/// One full-fit problem: a generated model on deterministic synthetic data (the same seeds as the
/// evaluation benchmarks) and a fixed start, so every fit of it starts from the same point.
/// </summary>
internal sealed class FitProblemCase
{
    private FitProblemCase(string label, IMleModel model, double[] start)
    {
        Label = label;
        Model = model;
        Start = start;
    }

    /// <summary>A short description for tables.</summary>
    public string Label { get; }

    /// <summary>The generated model holding the data.</summary>
    public IMleModel Model { get; }

    /// <summary>The start values on the natural scale (θ order).</summary>
    public double[] Start { get; }

    /// <summary>Builds the data and model of <paramref name="which"/>.</summary>
    public static FitProblemCase Create(FitCase which) => which switch
    {
        FitCase.Logistic => Logistic(),
        FitCase.Poisson => Poisson(),
        FitCase.Mixture => Mixture(),
        FitCase.NegativeBinomial => NegativeBinomial(),
        _ => throw new ArgumentOutOfRangeException(nameof(which), which, null),
    };

    /// <summary>Options for a fit from this case's start (every run starts at the same point, whatever the previous fit wrote into the model).</summary>
    public FitOptions Options(FitMethod method = FitMethod.Auto, IProgress<FitProgress>? progress = null, int? threads = null) =>
        new() { Method = method, Start = Start, Progress = progress, Threads = threads };

    private static FitProblemCase Logistic()
    {
        const int n = 1_000_000, p = 20;
        (double[,] x, double[] beta) = SyntheticData.Design(n, p, seed: 1);
        int[] y = SyntheticData.Bernoulli(x, beta, seed: 2);
        return new FitProblemCase("logistic 1M×20", new LogisticModel { X = x, Y = y, Beta = new double[p] }, new double[p]);
    }

    private static FitProblemCase Poisson()
    {
        const int n = 1_000_000, p = 10;
        (double[,] x, double[] beta) = SyntheticData.Design(n, p, seed: 3);
        int[] y = SyntheticData.Poisson(x, beta, seed: 4);
        return new FitProblemCase("Poisson 1M×10", new PoissonModel { X = x, Y = y, Beta = new double[p] }, new double[p]);
    }

    private static FitProblemCase NegativeBinomial()
    {
        const int n = 1_000_000, p = 10;
        (double[,] x, double[] beta) = SyntheticData.Design(n, p, seed: 8);
        int[] y = SyntheticData.NegativeBinomial(x, beta, dispersion: 2, seed: 9);
        return new FitProblemCase("negative binomial 1M×10 + φ", new NegativeBinomialRegressionModel { X = x, Y = y, Beta = new double[p] }, [.. new double[p], 1.0]);
    }

    private static FitProblemCase Mixture()
    {
        const int n = 100_000, k = 3;
        double[] y = SyntheticData.Mixture(n, [0.5, 0.3, 0.2], [-2, 0, 3], [1, 0.5, 1.5], seed: 7);
        var model = new MixtureModel { Y = y, Weights = new double[k], Means = new double[k], Sds = new double[k] };

        // θ = (weights, means, sds); a start near but not at the truth, with the components ordered.
        return new FitProblemCase("normal mixture, K = 3, 100k", model, [0.4, 0.35, 0.25, -1.5, 0.5, 2.5, 1.2, 0.8, 1.2]);
    }
}

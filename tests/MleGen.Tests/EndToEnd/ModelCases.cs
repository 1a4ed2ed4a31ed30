using System;
using System.Collections.Generic;
using System.Linq;
using MleGen.Tests.EndToEnd.Models;

namespace MleGen.Tests.EndToEnd;

/// <summary>One end-to-end model: how to simulate its data at the true θ, and what its layout must be.</summary>
public sealed class ModelCase
{
    public required string Name { get; init; }

    /// <summary>(n, seed) → a model whose observations are drawn (MathNet) from the model at its true θ; the [Param] members hold the truth.</summary>
    public required Func<int, int, IOracleModel> Simulate { get; init; }

    public required string[] Names { get; init; }

    public string[] Positive { get; init; } = [];

    public string[] Simplex { get; init; } = [];

    /// <summary>Canonical link: the expected information equals the observed one at every θ.</summary>
    public bool Canonical { get; init; }

    /// <summary>Per-observation scores; by default gradients of 1-observation copies.</summary>
    public Func<IOracleModel, IReadOnlyList<Func<double[], double[]>>>? Scores { get; init; }

    public override string ToString() => Name;
}

public static class ModelCases
{
    public static readonly IReadOnlyList<ModelCase> All =
    [
        new()
        {
            Name = "NormalRegression",
            Names = ["Intercept", "Beta[0]", "Beta[1]", "Sigma"],
            Positive = ["Sigma"],
            Simulate = (n, seed) => Fill(n, seed, rng => new NormalRegressionModel { X = Matrix(rng, n, 2), Y = new double[n], Intercept = 0.5, Beta = [1, -0.7], Sigma = 0.8 }, (m, i, r) => m.Y[i] = Sampler.Draw(m.Observation(i), r)),
        },
        new()
        {
            Name = "NormalKnownSigma",
            Names = ["Intercept", "Beta[0]", "Beta[1]"],
            Canonical = true,
            Simulate = (n, seed) => Fill(n, seed, rng => new NormalKnownSigmaModel { X = Matrix(rng, n, 2), Y = new double[n], Sigma = 0.8, Intercept = 0.5, Beta = [1, -0.7] }, (m, i, r) => m.Y[i] = Sampler.Draw(m.Observation(i), r)),
        },
        new()
        {
            Name = "Laplace",
            Names = ["A", "B", "Scale"],
            Positive = ["Scale"],
            Simulate = (n, seed) => Fill(n, seed, rng => new LaplaceModel { x = Vector(rng, n), Y = new double[n], A = 0.3, B = 1.2, Scale = 0.7 }, (m, i, r) => m.Y[i] = Sampler.Draw(m.Observation(i), r)),
        },
        new()
        {
            Name = "StudentT",
            Names = ["Nu", "A", "B", "Scale"],
            Positive = ["Nu", "Scale"],
            Simulate = (n, seed) => Fill(n, seed, rng => new StudentTModel { x = Vector(rng, n), Y = new double[n], Nu = 4, A = 0.3, B = 1, Scale = 0.6 }, (m, i, r) => m.Y[i] = Sampler.Draw(m.Observation(i), r)),
        },
        new()
        {
            Name = "Cauchy",
            Names = ["A", "B", "Scale"],
            Positive = ["Scale"],
            Simulate = (n, seed) => Fill(n, seed, rng => new CauchyModel { x = Vector(rng, n), Y = new double[n], A = 0.2, B = 0.8, Scale = 0.5 }, (m, i, r) => m.Y[i] = Sampler.Draw(m.Observation(i), r)),
        },
        new()
        {
            Name = "LogNormal",
            Names = ["A", "B", "Sigma"],
            Positive = ["Sigma"],
            Simulate = (n, seed) => Fill(n, seed, rng => new LogNormalModel { x = Vector(rng, n), Y = new double[n], A = 0.1, B = 0.6, Sigma = 0.5 }, (m, i, r) => m.Y[i] = Sampler.Draw(m.Observation(i), r)),
        },
        new()
        {
            Name = "Exponential",
            Names = ["A", "B"],
            Simulate = (n, seed) => Fill(n, seed, rng => new ExponentialModel { x = Vector(rng, n), Y = new double[n], A = 0.2, B = -0.8 }, (m, i, r) => m.Y[i] = Sampler.Draw(m.Observation(i), r)),
        },
        new()
        {
            Name = "Gamma",
            Names = ["Shape", "A", "B"],
            Positive = ["Shape"],
            Simulate = (n, seed) => Fill(n, seed, rng => new GammaModel { x = Vector(rng, n), Y = new double[n], Shape = 2.5, A = 0.3, B = 0.7 }, (m, i, r) => m.Y[i] = Sampler.Draw(m.Observation(i), r)),
        },
        new()
        {
            Name = "Weibull",
            Names = ["Shape", "A", "B"],
            Positive = ["Shape"],
            Simulate = (n, seed) => Fill(n, seed, rng => new WeibullModel { x = Vector(rng, n), Y = new double[n], Shape = 1.7, A = 0.2, B = 0.5 }, (m, i, r) => m.Y[i] = Sampler.Draw(m.Observation(i), r)),
        },
        new()
        {
            Name = "Beta",
            Names = ["A", "B", "Precision"],
            Positive = ["Precision"],
            Simulate = (n, seed) => Fill(n, seed, rng => new BetaModel { x = Vector(rng, n), Y = new double[n], A = 0.2, B = 1, Precision = 8 }, (m, i, r) => m.Y[i] = Sampler.Draw(m.Observation(i), r)),
        },
        new()
        {
            Name = "Bernoulli",
            Names = ["A", "B"],
            Simulate = (n, seed) => Fill(n, seed, rng => new BernoulliModel { x = Vector(rng, n), Y = new int[n], A = 0.3, B = 1.5 }, (m, i, r) => m.Y[i] = (int)Sampler.Draw(m.Observation(i), r)),
        },
        new()
        {
            Name = "BernoulliLogit",
            Names = ["Intercept", "Beta[0]", "Beta[1]"],
            Canonical = true,
            Simulate = (n, seed) => Fill(n, seed, rng => new BernoulliLogitModel { X = Matrix(rng, n, 2), Y = new int[n], Intercept = -0.2, Beta = [1.2, -0.8] }, (m, i, r) => m.Y[i] = (int)Sampler.Draw(m.Observation(i), r)),
        },
        new()
        {
            Name = "BernoulliLogitBool",
            Names = ["Intercept", "Beta[0]", "Beta[1]"],
            Canonical = true,
            Simulate = (n, seed) => Fill(n, seed, rng => new BernoulliLogitBoolModel { X = Matrix(rng, n, 2), Y = new bool[n], Intercept = -0.2, Beta = [1.2, -0.8] }, (m, i, r) => m.Y[i] = Sampler.Draw(m.Observation(i), r) == 1),
        },
        new()
        {
            Name = "BernoulliProbit",
            Names = ["A", "B"],
            Simulate = (n, seed) => Fill(n, seed, rng => new BernoulliProbitModel { x = Vector(rng, n), Y = new int[n], A = 0.1, B = 0.9 }, (m, i, r) => m.Y[i] = (int)Sampler.Draw(m.Observation(i), r)),
        },
        new()
        {
            Name = "Binomial",
            Names = ["A", "B"],
            Simulate = (n, seed) => Fill(n, seed, rng => new BinomialModel { x = Vector(rng, n), N = Trials(rng, n), Y = new int[n], A = -0.3, B = 1 }, (m, i, r) => m.Y[i] = (int)Sampler.Draw(m.Observation(i), r)),
        },
        new()
        {
            Name = "BinomialLogit",
            Names = ["A", "B"],
            Canonical = true,
            Simulate = (n, seed) => Fill(n, seed, rng => new BinomialLogitModel { x = Vector(rng, n), N = Trials(rng, n), Y = new int[n], A = -0.3, B = 1 }, (m, i, r) => m.Y[i] = (int)Sampler.Draw(m.Observation(i), r)),
        },
        new()
        {
            Name = "Poisson",
            Names = ["A", "B"],
            Simulate = (n, seed) => Fill(n, seed, rng => new PoissonModel { x = Vector(rng, n), Y = new int[n], A = 0.5, B = 0.8 }, (m, i, r) => m.Y[i] = (int)Sampler.Draw(m.Observation(i), r)),
        },
        new()
        {
            Name = "PoissonLog",
            Names = ["Intercept", "Beta[0]", "Beta[1]"],
            Canonical = true,
            Simulate = (n, seed) => Fill(n, seed, rng => new PoissonLogModel { X = Matrix(rng, n, 2), Y = new int[n], Intercept = 0.4, Beta = [0.6, -0.5] }, (m, i, r) => m.Y[i] = (int)Sampler.Draw(m.Observation(i), r)),
        },
        new()
        {
            Name = "NegativeBinomial",
            Names = ["A", "B", "Dispersion"],
            Positive = ["Dispersion"],
            Simulate = (n, seed) => Fill(n, seed, rng => new NegativeBinomialModel { x = Vector(rng, n), Y = new int[n], A = 1, B = 0.6, Dispersion = 2.5 }, (m, i, r) => m.Y[i] = (int)Sampler.Draw(m.Observation(i), r)),
        },
        new()
        {
            Name = "Categorical",
            Names = ["B0[0]", "B0[1]", "W[0,0]", "W[0,1]", "W[0,2]", "W[1,0]", "W[1,1]", "W[1,2]"],
            Canonical = true,
            Simulate = (n, seed) => Fill(n, seed, rng => new CategoricalModel { X = Matrix(rng, n, 3), Y = new int[n], B0 = [0.3, -0.4], W = new double[,] { { 1, -0.5, 0.2 }, { -0.7, 0.8, 0.4 } } }, (m, i, r) => m.Y[i] = (int)Sampler.Draw(m.Observation(i), r)),
        },
        new()
        {
            // A term shared by every class under the reference-class ?: (issue 9: its guard once escaped the class loop).
            Name = "CategoricalShared",
            Names = ["Alpha[0]", "Alpha[1]", "Beta", "Gamma"],
            Canonical = false,
            Simulate = (n, seed) => Fill(n, seed, rng => new CategoricalSharedModel { X = Vector(rng, n), Y = new int[n], Alpha = [0.3, -0.4], Beta = 0.8, Gamma = 0.5 }, (m, i, r) => m.Y[i] = (int)Sampler.Draw(m.Observation(i), r)),
        },
        new()
        {
            // Eight Dot terms: past the loop-variable budget of the expected information before issue 9.
            Name = "EightDots",
            Names = ["B0[0]", "B1[0]", "B2[0]", "B3[0]", "B4[0]", "B5[0]", "B6[0]", "B7[0]", "Sigma"],
            Positive = ["Sigma"],
            Simulate = (n, seed) => Fill(n, seed, rng => new EightDotsModel
            {
                X0 = Matrix(rng, n, 1), X1 = Matrix(rng, n, 1), X2 = Matrix(rng, n, 1), X3 = Matrix(rng, n, 1),
                X4 = Matrix(rng, n, 1), X5 = Matrix(rng, n, 1), X6 = Matrix(rng, n, 1), X7 = Matrix(rng, n, 1),
                Y = new double[n], B0 = [0.5], B1 = [-0.3], B2 = [0.8], B3 = [0.1], B4 = [-0.6], B5 = [0.4], B6 = [0.2], B7 = [-0.9], Sigma = 0.7,
            }, (m, i, r) => m.Y[i] = Sampler.Draw(m.Observation(i), r)),
        },
        new()
        {
            // Issue 9: helpers each calling the next twice, 22 deep (memoized inlining keeps the expression a DAG).
            Name = "SharedHelpers",
            Names = ["A", "B", "Sigma"],
            Positive = ["Sigma"],
            Simulate = (n, seed) => Fill(n, seed, rng => new SharedHelpersModel { X = Vector(rng, n, -2, 2), Y = new double[n], A = 0.8, B = -0.3, Sigma = 0.5 }, (m, i, r) => m.Y[i] = Sampler.Draw(new MleGen.Normal(m.Mean(i), m.Sigma), r)),
        },
        new()
        {
            // Issue 9: chained var locals each used twice, 30 deep.
            Name = "SharedVars",
            Names = ["A", "B", "Sigma"],
            Positive = ["Sigma"],
            Simulate = (n, seed) => Fill(n, seed, rng => new SharedVarsModel { X = Vector(rng, n, -2, 2), Y = new double[n], A = 0.8, B = -0.3, Sigma = 0.5 }, (m, i, r) => m.Y[i] = Sampler.Draw(m.Observation(i), r)),
        },
        new()
        {
            // Issue 9: chained var locals each used twice, 100 deep.
            Name = "SharedVars100",
            Names = ["A", "B", "Sigma"],
            Positive = ["Sigma"],
            Simulate = (n, seed) => Fill(n, seed, rng => new SharedVars100Model { X = Vector(rng, n, -2, 2), Y = new double[n], A = 0.8, B = -0.3, Sigma = 0.5 }, (m, i, r) => m.Y[i] = Sampler.Draw(m.Observation(i), r)),
        },
        new()
        {
            // No reference class and no ?: (the softmax is then not identified, which is fine for derivative checks).
            Name = "CategoricalNoReference",
            Names = ["B0[0]", "B0[1]", "B0[2]", "W[0,0]", "W[0,1]", "W[1,0]", "W[1,1]", "W[2,0]", "W[2,1]"],
            Canonical = true,
            Simulate = (n, seed) => Fill(n, seed, rng => new CategoricalNoReferenceModel { X = Matrix(rng, n, 2), Y = new int[n], B0 = [0, 0.3, -0.4], W = new double[,] { { 0, 0 }, { 1, -0.5 }, { -0.7, 0.8 } } }, (m, i, r) => m.Y[i] = (int)Sampler.Draw(m.Observation(i), r)),
        },
        new()
        {
            Name = "NormalMixture",
            Names = ["Weights[0]", "Weights[1]", "Weights[2]", "Means[0]", "Means[1]", "Means[2]", "Sds[0]", "Sds[1]", "Sds[2]"],
            Positive = ["Sds"],
            Simplex = ["Weights"],
            Simulate = (n, seed) => Fill(n, seed, rng => new NormalMixtureModel { Y = new double[n], Weights = [0.3, 0.5, 0.2], Means = [-2, 0.5, 3], Sds = [0.6, 0.8, 0.5] }, (m, i, r) => m.Y[i] = Sampler.Draw(m.Observation(i), r)),
        },
        new()
        {
            Name = "NistExponential",
            Names = ["B1", "B2", "Sigma"],
            Positive = ["Sigma"],
            Simulate = (n, seed) => Fill(n, seed, rng => new NistExponentialModel { x = Vector(rng, n, 0, 10), Y = new double[n], B1 = 2.5, B2 = 0.4, Sigma = 0.05 }, (m, i, r) => m.Y[i] = Sampler.Draw(m.Observation(i), r)),
        },
        new()
        {
            Name = "Functions",
            Names = ["A", "B", "C", "P", "S"],
            Positive = ["P"],
            Simulate = (n, seed) => Fill(n, seed, rng => new FunctionsModel { x = Vector(rng, n), Z = Vector(rng, n, 0.5, 2), Y = new double[n], A = 0.2, B = 0.5, C = -0.3, P = 1.3, S = 0.1 }, (m, i, r) => m.Y[i] = Sampler.Draw(m.Observation(i), r)),
        },
        new()
        {
            Name = "Mixed",
            Names = ["Beta[0]", "Beta[1]", "Beta[2]", "G[0,0]", "G[0,1]", "G[1,0]", "G[1,1]", "Sigma", "A"],
            Positive = ["Sigma"],
            Simulate = (n, seed) => SimulateMixed(n, seed, weighted: true),
            Scores = MixedScores,
        },
    ];

    public static ModelCase Get(string name) => All.Single(c => c.Name == name);

    public static IEnumerable<string> Names => All.Select(c => c.Name);

    /// <summary>
    /// The mixed model has two likelihood terms (Y: n, Counts: n + 7). A 1-observation copy must keep one
    /// observation in each term, so the Y term's score is taken from a copy whose other term's observation is
    /// fixed, minus that term's score from a copy whose only Y observation has weight 0.
    /// </summary>
    public static IReadOnlyList<Func<double[], double[]>> MixedScores(IOracleModel model)
    {
        var m = (MixedModel)model;
        int n1 = m.Y.Length;
        int n2 = m.Counts.Length;
        var zeroWeight = ObservationSlicer.Slice(m, new Dictionary<int, int> { [n1] = 0, [n2] = 0 }, c => c.W[0] = 0);
        var scores = new List<Func<double[], double[]>>();
        for (int i = 0; i < n1; i++)
        {
            var copy = ObservationSlicer.Slice(m, new Dictionary<int, int> { [n1] = i, [n2] = 0 });
            scores.Add(theta => Subtract(ModelChecker.Gradient(copy, theta), ModelChecker.Gradient(zeroWeight, theta)));
        }

        for (int j = 0; j < n2; j++)
        {
            var copy = ObservationSlicer.Slice(m, new Dictionary<int, int> { [n1] = 0, [n2] = j }, c => c.W[0] = 0);
            scores.Add(theta => ModelChecker.Gradient(copy, theta));
        }

        return scores;
    }

    public static MixedModel SimulateMixed(int n, int seed, bool weighted)
    {
        var rng = new Random(seed);
        int m = n + 7;
        var group = new int[n];
        var w = new double[n];
        for (int i = 0; i < n; i++)
        {
            group[i] = rng.Next(2);
            w[i] = weighted ? 0.5 + rng.NextDouble() : 1;
        }

        var model = new MixedModel
        {
            X = Matrix(rng, n, 3),
            Group = group,
            W = w,
            Y = new double[n],
            U = Vector(rng, m),
            Counts = new int[m],
            Beta = [0.4, -0.6, 0.9],
            G = new double[,] { { 0.5, -0.3 }, { 0.7, 0.8 } },
            Sigma = 0.6,
            A = 0.3,
        };
        for (int i = 0; i < n; i++)
        {
            model.Y[i] = Sampler.Draw(model.Observation(i), rng);
        }

        for (int j = 0; j < m; j++)
        {
            model.Counts[j] = (int)Sampler.Draw(model.CountObservation(j), rng);
        }

        return model;
    }

    public static double[,] Matrix(Random rng, int n, int p)
    {
        var x = new double[n, p];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < p; j++)
            {
                x[i, j] = (2 * rng.NextDouble()) - 1;
            }
        }

        return x;
    }

    public static double[] Vector(Random rng, int n, double lo = -1, double hi = 1)
    {
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = lo + ((hi - lo) * rng.NextDouble());
        }

        return x;
    }

    private static int[] Trials(Random rng, int n)
    {
        var trials = new int[n];
        for (int i = 0; i < n; i++)
        {
            trials[i] = 1 + rng.Next(12);
        }

        return trials;
    }

    private static double[] Subtract(double[] a, double[] b)
    {
        var d = new double[a.Length];
        for (int k = 0; k < a.Length; k++)
        {
            d[k] = a[k] - b[k];
        }

        return d;
    }

    private static T Fill<T>(int n, int seed, Func<Random, T> create, Action<T, int, Random> draw)
        where T : IOracleModel
    {
        var rng = new Random(seed);
        var model = create(rng);
        for (int i = 0; i < n; i++)
        {
            draw(model, i, rng);
        }

        return model;
    }
}

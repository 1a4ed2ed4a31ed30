using System.Collections.Generic;
using System.IO;

namespace MleGen.Benchmarks.AnalyzerCost;

/// <summary>
/// A project of 50 models for measuring the generator and the analyzers: ten kinds of model (regressions,
/// GLMs, a NIST nonlinear fit, a mixture with a prior, a multinomial with a reference class, …), five copies
/// each. All sound: the lint reports nothing on them.
/// </summary>
public static class CostModels
{
    private static readonly (string Name, string Body)[] Kinds =
    [
        ("Linear", """
    [Data] public required double[,] X { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param] public double Intercept;
    [Param] public double[] Beta = [];
    [Param(Lower = 0)] public double Sigma = 1;
    double Mean(int i) => Intercept + Dot(Beta, X, i);
    [Likelihood(nameof(Y))]
    Normal Observation(int i) => new(Mean(i), Sigma);
"""),
        ("Logistic", """
    [Data] public required double[,] X { get; init; }
    [Data] public required int[] Y { get; init; }
    [Param] public double Intercept;
    [Param, NormalPrior(0, 1)] public double[] Beta = [];
    [Likelihood(nameof(Y))]
    BernoulliLogit Observation(int i) => new(Intercept + Dot(Beta, X, i));
"""),
        ("Poisson", """
    [Data] public required double[] X { get; init; }
    [Data] public required int[] Y { get; init; }
    [Data] public required double[] W { get; init; }
    [Param] public double A;
    [Param] public double B;
    [Likelihood(nameof(Y), Weights = nameof(W))]
    PoissonLog Observation(int i) => new(A + B * X[i]);
"""),
        ("Nist", """
    [Data] public required double[] X { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param] public double b1;
    [Param] public double b2;
    [Param] public double b3;
    [Param] public double b4;
    [Param] public double b5;
    [Param(Lower = 0)] public double sigma = 1;
    [Likelihood(nameof(Y))]
    Normal Observation(int i) => new((b1 + b2 * X[i] + b3 * X[i] * X[i]) / (1 + b4 * X[i] + b5 * X[i] * X[i]), sigma);
"""),
        ("Mixture", """
    [Data] public required double[] Y { get; init; }
    [Param(Simplex = true)] public double[] Weights = [];
    [Param] public double[] Means = [];
    [Param(Lower = 0), GammaPrior(2, 1)] public double[] Sds = [];
    [Likelihood(nameof(Y))]
    NormalMixture Observation(int i) => new(Weights, Means, Sds);
"""),
        ("Multinom", """
    [Data] public required int[] Y { get; init; }
    [Data] public required double[] H { get; init; }
    [Param] public double[] intercept = new double[2];
    [Param] public double[] slope = new double[2];
    [Likelihood(nameof(Y))]
    CategoricalLogits Observation(int i) => CategoricalLogits.Of(3, k => k == 0 ? 0 : intercept[k - 1] + slope[k - 1] * H[i]);
"""),
        ("StudentT", """
    [Data] public required double[] Y { get; init; }
    [Param(Lower = 0)] public double nu = 4;
    [Param] public double location;
    [Param(Lower = 0)] public double scale = 1;
    [Likelihood(nameof(Y))]
    StudentT Observation(int i) => new(nu, location, scale);
"""),
        ("NegBin", """
    [Data] public required int[] Days { get; init; }
    [Data] public required double[] Z { get; init; }
    [Param] public double intercept;
    [Param] public double slope;
    [Param(Lower = 0)] public double theta = 1;
    double Eta(int i) => intercept + slope * Z[i];
    [Likelihood(nameof(Days))]
    NegativeBinomial Observation(int i) => new(Math.Exp(Eta(i)), theta);
"""),
        ("GammaGlm", """
    [Data] public required double[] V { get; init; }
    [Data] public required double[] G { get; init; }
    [Param] public double intercept;
    [Param] public double girth;
    [Param(Lower = 0)] public double shape = 1;
    double Mu(int i) => Math.Exp(intercept + girth * G[i]);
    [Likelihood(nameof(V))]
    Gamma Observation(int i) => new(shape, shape / Mu(i));
"""),
        ("Laplace", """
    [Data] public required double[,] X { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param] public double Intercept;
    [Param] public double[] Beta = [];
    [Param(Lower = 0)] public double Scale = 1;
    [Likelihood(nameof(Y))]
    Laplace Observation(int i) => new(Intercept + Dot(Beta, X, i), Scale);
"""),
    ];

    /// <summary>The 50 model files: (file name, source).</summary>
    public static IEnumerable<(string FileName, string Source)> Files()
    {
        for (int copy = 0; copy < 5; copy++)
        {
            foreach (var (name, body) in Kinds)
            {
                string type = name + copy;
                yield return (type + ".cs", Source(type, body));
            }
        }
    }

    /// <summary>Writes the 50 model files into <paramref name="folder"/> (used by measure.sh).</summary>
    public static void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var (fileName, source) in Files())
        {
            File.WriteAllText(Path.Combine(folder, fileName), source);
        }
    }

    private static string Source(string type, string body) =>
        "using System;\nusing MleGen;\nusing static MleGen.Functions;\n\nnamespace Cost;\n\n[Model]\npublic partial class " + type + "\n{\n" + body + "\n}\n";
}

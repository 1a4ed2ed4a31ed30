using System;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace MleGen.Benchmarks;

/// <summary>
/// Generated vector kernels (issue 12) against the hand-written Vector256 + FMA kernels, NLL + gradient: the benchmark
/// models at the README's sizes (n = 1,000,000; the mixture 100,000), the generated kernel forced scalar, at the
/// machine's width on 1 thread, forced to width 4 (Vector256, as on an AVX2-only machine: like for like with the hand
/// kernels, which are Vector256) on 1 thread, and at the machine's width on 2 threads. Run it with
/// <c>dotnet run -c Release --project tests/MleGen.Benchmarks -- --filter '*VectorKernelBenchmarks*'</c> (only some models:
/// <c>MLEGEN_VECTOR_MODELS="Mixture Poisson"</c>; without a build per benchmark: <c>--inProcess</c>).
/// </summary>
[Config(typeof(VectorRunConfig))]
public class VectorKernelBenchmarks
{
    private IMleModel _model = null!;
    private Func<double[], double[], double> _hand = null!;
    private double[] _theta = [];
    private double[] _gradient = [];
    private ChunkedEvaluator _evaluator = null!;

    [ParamsSource(nameof(Models))]
    public string Model { get; set; } = "";

    /// <summary>The models, or those whose names start with a word of <c>MLEGEN_VECTOR_MODELS</c> (e.g. <c>"Mixture Poisson"</c>).</summary>
    public static string[] Models
    {
        get
        {
            string[] all = ["Logistic 1e6×20", "Poisson 1e6×10", "Linear 1e6×10+σ", "NegativeBinomial 1e6×10", "Mixture K=3 1e5"];
            string[] only = (Environment.GetEnvironmentVariable("MLEGEN_VECTOR_MODELS") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return only.Length == 0 ? all : all.Where(m => only.Any(o => m.StartsWith(o, StringComparison.OrdinalIgnoreCase))).ToArray();
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        switch (Model.Split(' ')[0])
        {
            case "Logistic":
            {
                (double[,] x, double[] beta) = SyntheticData.Design(1_000_000, 20, seed: 1);
                int[] y = SyntheticData.Bernoulli(x, beta, seed: 2);
                _model = new LogisticModel { X = x, Y = y, Beta = new double[20] };
                _theta = beta.Select(b => 0.9 * b).ToArray();
                _hand = (t, g) => SimdLogistic.ValueAndGradient(x, y, t, g);
                break;
            }

            case "Poisson":
            {
                (double[,] x, double[] beta) = SyntheticData.Design(1_000_000, 10, seed: 3);
                int[] y = SyntheticData.Poisson(x, beta, seed: 4);
                double logFactorials = y.Sum(v => Functions.LogFactorial(v));
                _model = new PoissonModel { X = x, Y = y, Beta = new double[10] };
                _theta = beta.Select(b => 0.9 * b).ToArray();
                _hand = (t, g) => SimdPoisson.ValueAndGradient(x, y, logFactorials, t, g);
                break;
            }

            case "Linear":
            {
                (double[,] x, double[] beta) = SyntheticData.Design(1_000_000, 10, seed: 5);
                double[] y = SyntheticData.Gaussian(x, beta, sigma: 0.5, seed: 6);
                _model = new LinearModel { X = x, Y = y, Beta = new double[10] };
                _theta = [.. beta.Select(b => 0.9 * b), 0.6];
                _hand = (t, g) => SimdLinear.ValueAndGradient(x, y, t, g);
                break;
            }

            case "NegativeBinomial":
            {
                (double[,] x, double[] beta) = SyntheticData.Design(1_000_000, 10, seed: 8);
                int[] y = SyntheticData.NegativeBinomial(x, beta, dispersion: 2, seed: 9);
                var kernel = new SimdNegativeBinomial(y.Max());
                _model = new NegativeBinomialRegressionModel { X = x, Y = y, Beta = new double[10] };
                _theta = [.. beta.Select(b => 0.9 * b), 1.7];
                _hand = (t, g) => kernel.ValueAndGradient(x, y, t, g);
                break;
            }

            default:
            {
                double[] y = SyntheticData.Mixture(100_000, [0.5, 0.3, 0.2], [-2, 0, 3], [1, 0.5, 1.5], seed: 7);
                _model = new MixtureModel { Y = y, Weights = new double[3], Means = new double[3], Sds = new double[3] };
                _theta = [0.45, 0.35, 0.2, -1.8, 0.1, 2.9, 1.1, 0.6, 1.4];
                _hand = (t, g) => SimdMixture.ValueAndGradient(y, t, g);
                break;
            }
        }

        _gradient = new double[_theta.Length];
        _evaluator = (ChunkedEvaluator)_model.GetType().GetProperty("__Evaluator", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(_model)!;
        _model.NegativeLogLikelihood(_theta, _gradient);
    }

    [Benchmark(Baseline = true, Description = "hand Vector256+FMA, 1 thread")]
    public double Hand() => _hand(_theta, _gradient);

    [Benchmark(Description = "generated, scalar kernel, 1 thread")]
    public double GeneratedScalar() => Run(width: 1, threads: 1);

    [Benchmark(Description = "generated, vector kernel, 1 thread")]
    public double GeneratedVector() => Run(width: 0, threads: 1);

    [Benchmark(Description = "generated, vector kernel at width 4 (Vector256), 1 thread")]
    public double GeneratedVectorWidth4() => Run(width: 4, threads: 1);

    [Benchmark(Description = "generated, vector kernel, 2 threads")]
    public double GeneratedVectorTwoThreads() => Run(width: 0, threads: 2);

    private double Run(int width, int threads)
    {
        _evaluator.ForcedVectorWidth = width;
        _model.EvaluationThreads = threads;
        return _model.NegativeLogLikelihood(_theta, _gradient);
    }
}

/// <summary>A very short job (the development machine is shared): one launch, one warm-up, five measured iterations.</summary>
public sealed class VectorRunConfig : ManualConfig
{
    public VectorRunConfig()
    {
        AddJob(Job.Default.WithWarmupCount(1).WithIterationCount(5).WithLaunchCount(1));
        AddDiagnoser(MemoryDiagnoser.Default);
        WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }
}

using System;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace MleGen.Benchmarks;

/// <summary>
/// The generated observed information of logistic regression (n = 1,000,000, p = 20) against a hand-written blocked
/// Vector256 + FMA XᵀWX (<see cref="SimdInformation.Logistic"/>): the generated kernel forced scalar, at the machine's
/// width on 1 thread, and on 2 threads. <c>dotnet run -c Release --project tests/MleGen.Benchmarks -- --filter '*InformationBenchmarks*'</c>,
/// or the quick interleaved table of <c>--vector-report</c>.
/// </summary>
[Config(typeof(VectorRunConfig))]
public class InformationBenchmarks
{
    private const int N = 1_000_000, P = 20;
    private IMleModel _model = null!;
    private double[,] _x = null!;
    private double[] _theta = [];
    private double[] _information = [];
    private ChunkedEvaluator _evaluator = null!;

    [GlobalSetup]
    public void Setup()
    {
        (double[,] x, double[] beta) = SyntheticData.Design(N, P, seed: 1);
        int[] y = SyntheticData.Bernoulli(x, beta, seed: 2);
        _x = x;
        _model = new LogisticModel { X = x, Y = y, Beta = new double[P] };
        _theta = beta.Select(b => 0.9 * b).ToArray();
        _information = new double[P * P];
        _evaluator = (ChunkedEvaluator)_model.GetType().GetProperty("__Evaluator", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(_model)!;
    }

    [Benchmark(Baseline = true, Description = "hand Vector256+FMA XᵀWX, 1 thread")]
    public double Hand()
    {
        SimdInformation.Logistic(_x, _theta, _information);
        return _information[0];
    }

    [Benchmark(Description = "generated observed information, scalar kernel, 1 thread")]
    public double GeneratedScalar() => Run(width: 1, threads: 1);

    [Benchmark(Description = "generated observed information, vector kernel, 1 thread")]
    public double GeneratedVector() => Run(width: 0, threads: 1);

    [Benchmark(Description = "generated observed information, vector kernel, 2 threads")]
    public double GeneratedVectorTwoThreads() => Run(width: 0, threads: 2);

    /// <summary>The sandwich's meat Σ sᵢsᵢᵀ (scalar scores, each a vector rank-1 update of the upper triangle), 1 thread.</summary>
    [Benchmark(Description = "generated score outer product, 1 thread")]
    public double GeneratedScoreOuterProduct()
    {
        _evaluator.ForcedVectorWidth = 0;
        _model.EvaluationThreads = 1;
        _model.ScoreOuterProduct(_theta, _information);
        return _information[0];
    }

    private double Run(int width, int threads)
    {
        _evaluator.ForcedVectorWidth = width;
        _model.EvaluationThreads = threads;
        _model.ObservedInformation(_theta, _information);
        return _information[0];
    }
}

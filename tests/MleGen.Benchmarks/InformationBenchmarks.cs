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

    [Benchmark(Description = "generated observed information, width 4 (Vector256), 1 thread")]
    public double GeneratedVectorWidth4() => Run(width: 4, threads: 1);

    [Benchmark(Description = "generated observed information, vector kernel, 2 threads")]
    public double GeneratedVectorTwoThreads() => Run(width: 0, threads: 2);

    /// <summary>The sandwich's meat Σ sᵢsᵢᵀ at the machine's width (the scores of a block of rows, a rank-W update of the upper triangle), 1 thread.</summary>
    [Benchmark(Description = "generated score outer product, vector kernel, 1 thread")]
    public double GeneratedScoreOuterProduct() => Scores(width: 0);

    /// <summary>The same at width 4 (Vector256 blocks of 4 observations, rank-4 updates), 1 thread.</summary>
    [Benchmark(Description = "generated score outer product, width 4 (Vector256), 1 thread")]
    public double GeneratedScoreOuterProductWidth4() => Scores(width: 4);

    /// <summary>The same forced scalar: one score at a time, each a rank-1 update.</summary>
    [Benchmark(Description = "generated score outer product, scalar kernel, 1 thread")]
    public double GeneratedScoreOuterProductScalar() => Scores(width: 1);

    private double Scores(int width)
    {
        _evaluator.ForcedVectorWidth = width;
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

/// <summary>
/// The generated observed and expected information of the negative binomial regression (n = 1,000,000, p = 10 + φ):
/// the kernel forced scalar, at the machine's width on 1 and 2 threads (no hand-written kernel: its Hessian has the
/// logistic XᵀWX shape plus a φ row and column).
/// </summary>
[Config(typeof(VectorRunConfig))]
public class NegativeBinomialInformationBenchmarks
{
    private const int N = 1_000_000, P = 10;
    private IMleModel _model = null!;
    private double[] _theta = [];
    private double[] _information = [];
    private ChunkedEvaluator _evaluator = null!;

    [GlobalSetup]
    public void Setup()
    {
        (double[,] x, double[] beta) = SyntheticData.Design(N, P, seed: 8);
        int[] y = SyntheticData.NegativeBinomial(x, beta, dispersion: 2, seed: 9);
        _model = new NegativeBinomialRegressionModel { X = x, Y = y, Beta = new double[P] };
        _theta = [.. beta.Select(b => 0.9 * b), 1.7];
        _information = new double[(P + 1) * (P + 1)];
        _evaluator = (ChunkedEvaluator)_model.GetType().GetProperty("__Evaluator", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(_model)!;
    }

    [Benchmark(Baseline = true, Description = "NB observed information, scalar kernel, 1 thread")]
    public double ObservedScalar() => Run(width: 1, threads: 1, expected: false);

    [Benchmark(Description = "NB observed information, vector kernel, 1 thread")]
    public double ObservedVector() => Run(width: 0, threads: 1, expected: false);

    [Benchmark(Description = "NB observed information, vector kernel, 2 threads")]
    public double ObservedVectorTwoThreads() => Run(width: 0, threads: 2, expected: false);

    [Benchmark(Description = "NB expected information, vector kernel, 1 thread")]
    public double ExpectedVector() => Run(width: 0, threads: 1, expected: true);

    [Benchmark(Description = "NB expected information, scalar kernel, 1 thread")]
    public double ExpectedScalar() => Run(width: 1, threads: 1, expected: true);

    [Benchmark(Description = "NB expected information, vector kernel of width 4, 1 thread")]
    public double ExpectedVectorWidth4() => Run(width: 4, threads: 1, expected: true);

    /// <summary>The φφ entry alone: the scalar kernels' function over the data's means.</summary>
    public double DispersionEntryScalar()
    {
        double sum = 0, phi = _theta[P];
        foreach (double mu in Means())
        {
            sum += Functions.NegativeBinomialDispersionInformation(mu, phi);
        }

        return sum;
    }

    /// <summary>The φφ entry alone: the vector kernels' function, 8 means at a time.</summary>
    public double DispersionEntryWidth8()
    {
        double[] means = Means();
        var phi = System.Runtime.Intrinsics.Vector512.Create(_theta[P]);
        var sum = System.Runtime.Intrinsics.Vector512<double>.Zero;
        for (int i = 0; i + 8 <= means.Length; i += 8)
        {
            sum += VectorKernels.NegativeBinomialDispersionInformation(System.Runtime.Intrinsics.Vector512.Create(means.AsSpan(i, 8)), phi);
        }

        return System.Runtime.Intrinsics.Vector512.Sum(sum);
    }

    /// <summary>The φφ entry alone: the vector kernels' function, 4 means at a time.</summary>
    public double DispersionEntryWidth4()
    {
        double[] means = Means();
        var phi = System.Runtime.Intrinsics.Vector256.Create(_theta[P]);
        var sum = System.Runtime.Intrinsics.Vector256<double>.Zero;
        for (int i = 0; i + 4 <= means.Length; i += 4)
        {
            sum += VectorKernels.NegativeBinomialDispersionInformation(System.Runtime.Intrinsics.Vector256.Create(means.AsSpan(i, 4)), phi);
        }

        return System.Runtime.Intrinsics.Vector256.Sum(sum);
    }

    private double[]? _means;

    private double[] Means()
    {
        if (_means is null)
        {
            var model = (NegativeBinomialRegressionModel)_model;
            _means = new double[N];
            for (int i = 0; i < N; i++)
            {
                double eta = 0;
                for (int j = 0; j < P; j++)
                {
                    eta += _theta[j] * model.X[i, j];
                }

                _means[i] = Math.Exp(eta);
            }
        }

        return _means;
    }

    private double Run(int width, int threads, bool expected)
    {
        _evaluator.ForcedVectorWidth = width;
        _model.EvaluationThreads = threads;
        if (expected)
        {
            _model.ExpectedInformation(_theta, _information);
        }
        else
        {
            _model.ObservedInformation(_theta, _information);
        }

        return _information[0];
    }
}

using System;
using System.Linq;
using BenchmarkDotNet.Attributes;

namespace MleGen.Benchmarks;

/// <summary>Negative-binomial regression with a log link and a dispersion, n = 1,000,000, p = 10 (+ φ).</summary>
[Config(typeof(ShortRunConfig))]
public class NegativeBinomialBenchmarks
{
    private const int N = 1_000_000, P = 10;
    private NegativeBinomialRegressionModel _model = null!;
    private SimdNegativeBinomial _simd = null!;
    private double[,] _x = null!;
    private int[] _y = null!;
    private readonly double[] _theta = new double[P + 1];
    private readonly double[] _gradient = new double[P + 1];

    [GlobalSetup]
    public void Setup()
    {
        (_x, var beta) = SyntheticData.Design(N, P, seed: 8);
        _y = SyntheticData.NegativeBinomial(_x, beta, dispersion: 2, seed: 9);
        _model = new NegativeBinomialRegressionModel { X = _x, Y = _y, Beta = new double[P], EvaluationThreads = 1 };
        _simd = new SimdNegativeBinomial(_y.Max());
        for (int j = 0; j < P; j++)
        {
            _theta[j] = 0.9 * beta[j];
        }

        _theta[P] = 1.7;
        ((IMleModel)_model).NegativeLogLikelihood(_theta, _gradient);
    }

    [Benchmark(Baseline = true, Description = "hand SIMD NLL+gradient (Vector256 + FMA)")]
    public double HandSimdGradient() => _simd.ValueAndGradient(_x, _y, _theta, _gradient);

    [Benchmark(Description = "generated NLL+gradient, 1 thread")]
    public double GeneratedGradient()
    {
        _model.EvaluationThreads = 1;
        return ((IMleModel)_model).NegativeLogLikelihood(_theta, _gradient);
    }

    [Benchmark(Description = "generated NLL+gradient, all threads")]
    public double GeneratedGradientParallel()
    {
        _model.EvaluationThreads = 0;
        return ((IMleModel)_model).NegativeLogLikelihood(_theta, _gradient);
    }
}

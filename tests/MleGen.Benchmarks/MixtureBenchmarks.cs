using System;
using BenchmarkDotNet.Attributes;

namespace MleGen.Benchmarks;

/// <summary>A 3-component normal mixture, n = 100,000.</summary>
[Config(typeof(ShortRunConfig))]
public class MixtureBenchmarks
{
    private const int N = 100_000, K = 3;
    private const double HalfLogTwoPi = 0.91893853320467274178032973640562;
    private MixtureModel _model = null!;
    private double[] _y = null!;
    private readonly double[] _theta = new double[3 * K];
    private readonly double[] _gradient = new double[3 * K];
    private readonly double[] _information = new double[9 * K * K];

    [GlobalSetup]
    public void Setup()
    {
        _y = SyntheticData.Mixture(N, [0.5, 0.3, 0.2], [-2, 0, 3], [1, 0.5, 1.5], seed: 7);
        _model = new MixtureModel { Y = _y, Weights = new double[K], Means = new double[K], Sds = new double[K], EvaluationThreads = 1 };
        double[] theta = [0.45, 0.35, 0.2, -1.8, 0.1, 2.9, 1.1, 0.6, 1.4];
        theta.CopyTo(_theta, 0);
        ((IMleModel)_model).NegativeLogLikelihood(_theta, _gradient);
    }

    [Benchmark(Baseline = true, Description = "hand-written NLL+gradient")]
    public double HandWrittenGradient()
    {
        var y = _y;
        var theta = _theta;
        var gradient = _gradient;
        Array.Clear(gradient);
        Span<double> logTerms = stackalloc double[K];
        double nll = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double max = double.NegativeInfinity;
            for (int k = 0; k < K; k++)
            {
                double sd = theta[2 * K + k], z = (y[i] - theta[K + k]) / sd;
                logTerms[k] = Math.Log(theta[k]) - HalfLogTwoPi - Math.Log(sd) - 0.5 * z * z;
                max = Math.Max(max, logTerms[k]);
            }

            double sum = 0;
            for (int k = 0; k < K; k++)
            {
                sum += Math.Exp(logTerms[k] - max);
            }

            double lse = max + Math.Log(sum);
            nll -= lse;
            for (int k = 0; k < K; k++)
            {
                double r = Math.Exp(logTerms[k] - lse), sd = theta[2 * K + k], z = (y[i] - theta[K + k]) / sd;
                gradient[k] -= r / theta[k];
                gradient[K + k] -= r * z / sd;
                gradient[2 * K + k] -= r * (z * z - 1) / sd;
            }
        }

        return nll;
    }

    [Benchmark(Description = "hand SIMD NLL+gradient (Vector256 + FMA)")]
    public double HandSimdGradient() => SimdMixture.ValueAndGradient(_y, _theta, _gradient);

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

    [Benchmark(Description = "generated observed information, 1 thread")]
    public double GeneratedInformation()
    {
        _model.EvaluationThreads = 1;
        ((IMleModel)_model).ObservedInformation(_theta, _information);
        return _information[0];
    }
}

using System;
using BenchmarkDotNet.Attributes;

namespace MleGen.Benchmarks;

/// <summary>Gaussian linear regression with unknown σ, n = 1,000,000, p = 10 (+ σ).</summary>
[Config(typeof(ShortRunConfig))]
public class LinearBenchmarks
{
    private const int N = 1_000_000, P = 10;
    private const double HalfLogTwoPi = 0.91893853320467274178032973640562;
    private LinearModel _model = null!;
    private double[,] _x = null!;
    private double[] _y = null!;
    private readonly double[] _theta = new double[P + 1];
    private readonly double[] _gradient = new double[P + 1];
    private readonly double[] _information = new double[(P + 1) * (P + 1)];

    [GlobalSetup]
    public void Setup()
    {
        (_x, var beta) = SyntheticData.Design(N, P, seed: 5);
        _y = SyntheticData.Gaussian(_x, beta, sigma: 0.5, seed: 6);
        _model = new LinearModel { X = _x, Y = _y, Beta = new double[P], Sigma = 1, EvaluationThreads = 1 };
        for (int j = 0; j < P; j++)
        {
            _theta[j] = 0.9 * beta[j];
        }

        _theta[P] = 0.6;
        ((IMleModel)_model).NegativeLogLikelihood(_theta, _gradient);
    }

    [Benchmark(Baseline = true, Description = "hand-written NLL+gradient")]
    public double HandWrittenGradient()
    {
        var x = _x;
        var y = _y;
        var theta = _theta;
        var gradient = _gradient;
        Array.Clear(gradient);
        double sigma = theta[P], inverseVariance = 1 / (sigma * sigma), logSigma = Math.Log(sigma);
        double nll = 0, sumSquares = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double mean = 0;
            for (int j = 0; j < P; j++)
            {
                mean += theta[j] * x[i, j];
            }

            double residual = y[i] - mean;
            double square = residual * residual;
            sumSquares += square;
            nll += HalfLogTwoPi + logSigma + 0.5 * square * inverseVariance;
            double scaled = -residual * inverseVariance;
            for (int j = 0; j < P; j++)
            {
                gradient[j] += scaled * x[i, j];
            }
        }

        gradient[P] = y.Length / sigma - sumSquares * inverseVariance / sigma;
        return nll;
    }

    [Benchmark(Description = "hand SIMD NLL+gradient (Vector256 + FMA)")]
    public double HandSimdGradient() => SimdLinear.ValueAndGradient(_x, _y, _theta, _gradient);

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

    [Benchmark(Description = "hand-written information")]
    public double HandWrittenInformation()
    {
        var x = _x;
        var information = _information;
        Array.Clear(information);
        double sigma = _theta[P], inverseVariance = 1 / (sigma * sigma);
        int q = P + 1;
        for (int i = 0; i < x.GetLength(0); i++)
        {
            for (int a = 0; a < P; a++)
            {
                double xa = inverseVariance * x[i, a];
                for (int b = 0; b < P; b++)
                {
                    information[a * q + b] += xa * x[i, b];
                }
            }
        }

        information[P * q + P] = 2 * x.GetLength(0) * inverseVariance;
        return information[0];
    }

    [Benchmark(Description = "generated expected information, 1 thread")]
    public double GeneratedInformation()
    {
        _model.EvaluationThreads = 1;
        ((IMleModel)_model).ExpectedInformation(_theta, _information);
        return _information[0];
    }
}

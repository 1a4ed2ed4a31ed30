using System;
using BenchmarkDotNet.Attributes;

namespace MleGen.Benchmarks;

/// <summary>Poisson regression with a log link, n = 1,000,000, p = 10.</summary>
[Config(typeof(ShortRunConfig))]
public class PoissonBenchmarks
{
    private const int N = 1_000_000, P = 10;
    private PoissonModel _model = null!;
    private double[,] _x = null!;
    private int[] _y = null!;
    private double _logFactorials;
    private readonly double[] _theta = new double[P];
    private readonly double[] _gradient = new double[P];
    private readonly double[] _information = new double[P * P];

    [GlobalSetup]
    public void Setup()
    {
        (_x, var beta) = SyntheticData.Design(N, P, seed: 3);
        _y = SyntheticData.Poisson(_x, beta, seed: 4);
        _model = new PoissonModel { X = _x, Y = _y, Beta = new double[P], EvaluationThreads = 1 };
        for (int j = 0; j < P; j++)
        {
            _theta[j] = 0.9 * beta[j];
        }

        // A careful hand-written loop also sums Σ log yᵢ! once, outside the evaluation.
        foreach (int y in _y)
        {
            _logFactorials += Functions.LogGamma(y + 1);
        }

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
        double nll = _logFactorials;
        for (int i = 0; i < y.Length; i++)
        {
            double eta = 0;
            for (int j = 0; j < P; j++)
            {
                eta += theta[j] * x[i, j];
            }

            double mu = Math.Exp(eta);
            nll += mu - y[i] * eta;
            double residual = mu - y[i];
            for (int j = 0; j < P; j++)
            {
                gradient[j] += residual * x[i, j];
            }
        }

        return nll;
    }

    [Benchmark(Description = "hand SIMD NLL+gradient (Vector256 + FMA)")]
    public double HandSimdGradient() => SimdPoisson.ValueAndGradient(_x, _y, _logFactorials, _theta, _gradient);

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

    [Benchmark(Description = "hand-written information XᵀWX")]
    public double HandWrittenInformation()
    {
        var x = _x;
        var theta = _theta;
        var information = _information;
        Array.Clear(information);
        for (int i = 0; i < x.GetLength(0); i++)
        {
            double eta = 0;
            for (int j = 0; j < P; j++)
            {
                eta += theta[j] * x[i, j];
            }

            double mu = Math.Exp(eta);
            for (int a = 0; a < P; a++)
            {
                double wa = mu * x[i, a];
                for (int b = 0; b < P; b++)
                {
                    information[a * P + b] += wa * x[i, b];
                }
            }
        }

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

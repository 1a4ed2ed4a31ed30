using System;
using BenchmarkDotNet.Attributes;

namespace MleGen.Benchmarks;

/// <summary>Logistic regression, n = 1,000,000, p = 20: generated code beside a hand-written scalar loop.</summary>
[Config(typeof(ShortRunConfig))]
public class LogisticBenchmarks
{
    private const int N = 1_000_000, P = 20;
    private LogisticModel _model = null!;
    private double[,] _x = null!;
    private int[] _y = null!;
    private readonly double[] _theta = new double[P];
    private readonly double[] _gradient = new double[P];
    private readonly double[] _information = new double[P * P];

    [GlobalSetup]
    public void Setup()
    {
        (_x, var beta) = SyntheticData.Design(N, P, seed: 1);
        _y = SyntheticData.Bernoulli(_x, beta, seed: 2);
        _model = new LogisticModel { X = _x, Y = _y, Beta = new double[P], EvaluationThreads = 1 };
        for (int j = 0; j < P; j++)
        {
            _theta[j] = 0.9 * beta[j];
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
        double nll = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double eta = 0;
            for (int j = 0; j < P; j++)
            {
                eta += theta[j] * x[i, j];
            }

            nll += Functions.Softplus(eta) - (y[i] != 0 ? eta : 0);
            double residual = Functions.Logistic(eta) - y[i];
            for (int j = 0; j < P; j++)
            {
                gradient[j] += residual * x[i, j];
            }
        }

        return nll;
    }

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

            double mu = Functions.Logistic(eta);
            double w = mu * (1 - mu);
            for (int a = 0; a < P; a++)
            {
                double wa = w * x[i, a];
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

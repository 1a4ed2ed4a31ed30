using System;
using MathNet.Numerics;

namespace MleGen.Tests.Fitting.TestModels;

/// <summary>y ~ PoissonLog(Intercept + Σⱼ Beta[j]·X[i, j]) by hand (full density: includes −log y!).</summary>
internal sealed class PoissonRegressionModel : HandWrittenModel
{
    private readonly double[,] _x;
    private readonly double[] _y;
    private readonly int _m;
    private readonly double _logFactorials;

    public PoissonRegressionModel(double[,] x, double[] y)
        : base(Infos(x.GetLength(1)), new double[x.GetLength(1) + 1])
    {
        _x = x;
        _y = y;
        _m = x.GetLength(1);
        foreach (double v in y)
        {
            _logFactorials += SpecialFunctions.GammaLn(v + 1);
        }
    }

    public override int ObservationCount => _y.Length;

    private int P => _m + 1;

    public override double NegativeLogLikelihood(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        Span<double> features = stackalloc double[P];
        if (!gradient.IsEmpty)
        {
            gradient.Slice(0, P).Clear();
        }

        double nll = _logFactorials;
        for (int i = 0; i < _y.Length; i++)
        {
            double eta = Eta(theta, i, features);
            double mu = Math.Exp(eta);
            nll += mu - (_y[i] * eta);
            for (int j = 0; !gradient.IsEmpty && j < P; j++)
            {
                gradient[j] += (mu - _y[i]) * features[j];
            }
        }

        return nll;
    }

    public override void ObservedInformation(ReadOnlySpan<double> theta, Span<double> information)
    {
        Span<double> features = stackalloc double[P];
        information.Slice(0, P * P).Clear();
        for (int i = 0; i < _y.Length; i++)
        {
            AddOuter(information, P, features, features, Math.Exp(Eta(theta, i, features)));
        }
    }

    public override void ExpectedInformation(ReadOnlySpan<double> theta, Span<double> information) => ObservedInformation(theta, information);

    public override void ScoreOuterProduct(ReadOnlySpan<double> theta, Span<double> meat)
    {
        Span<double> features = stackalloc double[P];
        meat.Slice(0, P * P).Clear();
        for (int i = 0; i < _y.Length; i++)
        {
            double r = Math.Exp(Eta(theta, i, features)) - _y[i];
            AddOuter(meat, P, features, features, r * r);
        }
    }

    private double Eta(ReadOnlySpan<double> theta, int i, Span<double> features)
    {
        features[0] = 1;
        double eta = theta[0];
        for (int j = 0; j < _m; j++)
        {
            features[j + 1] = _x[i, j];
            eta += theta[j + 1] * _x[i, j];
        }

        return eta;
    }

    private static ParameterInfo[] Infos(int m)
    {
        var infos = new ParameterInfo[m + 1];
        infos[0] = Free("Intercept");
        for (int j = 0; j < m; j++)
        {
            infos[j + 1] = Free($"Beta[{j}]");
        }

        return infos;
    }
}

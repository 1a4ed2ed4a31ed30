using System;

namespace MleGen.Tests.Fitting.TestModels;

/// <summary>y ~ BernoulliLogit(Intercept + Σⱼ Beta[j]·X[i, j]) by hand: θ = (Intercept, Beta[0..m−1]).</summary>
internal sealed class LogisticRegressionModel : HandWrittenModel
{
    private readonly double[,] _x;
    private readonly double[] _y;
    private readonly int _m;

    private readonly double? _priorSd;

    /// <summary>Creates the model; <paramref name="slopePriorSd"/> puts a Normal(0, sd) prior on every slope (not the intercept), making it MAP.</summary>
    public LogisticRegressionModel(double[,] x, double[] y, double? slopePriorSd = null)
        : base(Infos(x.GetLength(1)), new double[x.GetLength(1) + 1])
    {
        _x = x;
        _y = y;
        _m = x.GetLength(1);
        _priorSd = slopePriorSd;
    }

    public override int ObservationCount => _y.Length;

    public override bool HasPrior => _priorSd is not null;

    public override double NegativeLogPrior(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        if (_priorSd is not double sd)
        {
            return 0;
        }

        double value = 0;
        for (int j = 1; j <= _m; j++)
        {
            value += (theta[j] * theta[j] / (2 * sd * sd)) + Math.Log(sd * Math.Sqrt(2 * Math.PI));
            if (!gradient.IsEmpty)
            {
                gradient[j] += theta[j] / (sd * sd);
            }
        }

        return value;
    }

    public override void NegativeLogPriorHessian(ReadOnlySpan<double> theta, Span<double> hessian)
    {
        if (_priorSd is double sd)
        {
            for (int j = 1; j <= _m; j++)
            {
                hessian[(j * P) + j] += 1 / (sd * sd);
            }
        }
    }

    private int P => _m + 1;

    public override double NegativeLogLikelihood(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        Span<double> features = stackalloc double[P];
        if (!gradient.IsEmpty)
        {
            gradient.Slice(0, P).Clear();
        }

        double nll = 0;
        for (int i = 0; i < _y.Length; i++)
        {
            double eta = Eta(theta, i, features);
            nll += Softplus(eta) - (_y[i] * eta);
            if (!gradient.IsEmpty)
            {
                double residual = Logistic(eta) - _y[i];
                for (int j = 0; j < P; j++)
                {
                    gradient[j] += residual * features[j];
                }
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
            double mu = Logistic(Eta(theta, i, features));
            AddOuter(information, P, features, features, mu * (1 - mu));
        }
    }

    public override void ExpectedInformation(ReadOnlySpan<double> theta, Span<double> information) => ObservedInformation(theta, information);

    public override void ScoreOuterProduct(ReadOnlySpan<double> theta, Span<double> meat)
    {
        Span<double> features = stackalloc double[P];
        meat.Slice(0, P * P).Clear();
        for (int i = 0; i < _y.Length; i++)
        {
            double residual = Logistic(Eta(theta, i, features)) - _y[i];
            AddOuter(meat, P, features, features, residual * residual);
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

    private static double Softplus(double x) => x > 0 ? x + Math.Log(1 + Math.Exp(-x)) : Math.Log(1 + Math.Exp(x));

    private static double Logistic(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

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

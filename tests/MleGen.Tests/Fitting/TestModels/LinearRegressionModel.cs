using System;

namespace MleGen.Tests.Fitting.TestModels;

/// <summary>
/// y ~ Normal(Intercept + Σⱼ Beta[j]·X[i, j], Sigma), Sigma &gt; 0, written by hand with exact
/// derivatives: θ = (Intercept, Beta[0..m−1], Sigma).
/// </summary>
internal sealed class LinearRegressionModel : HandWrittenModel
{
    private readonly double[,] _x;
    private readonly double[] _y;
    private readonly int _m;

    public LinearRegressionModel(double[,] x, double[] y, double[]? start = null)
        : base(Infos(x.GetLength(1)), start ?? Start(x.GetLength(1)))
    {
        _x = x;
        _y = y;
        _m = x.GetLength(1);
    }

    public override int ObservationCount => _y.Length;

    private int P => _m + 2;

    public override double NegativeLogLikelihood(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        double sigma = theta[_m + 1];
        int n = _y.Length;
        Span<double> features = stackalloc double[_m + 1];
        if (!gradient.IsEmpty)
        {
            gradient.Slice(0, P).Clear();
        }

        double rss = 0;
        for (int i = 0; i < n; i++)
        {
            double r = _y[i] - Mean(theta, i, features);
            rss += r * r;
            if (!gradient.IsEmpty)
            {
                for (int j = 0; j <= _m; j++)
                {
                    gradient[j] -= r * features[j] / (sigma * sigma);
                }
            }
        }

        if (!gradient.IsEmpty)
        {
            gradient[_m + 1] = (n / sigma) - (rss / (sigma * sigma * sigma));
        }

        return (n * Math.Log(sigma)) + (0.5 * n * Math.Log(2 * Math.PI)) + (rss / (2 * sigma * sigma));
    }

    public override void ObservedInformation(ReadOnlySpan<double> theta, Span<double> information) => Information(theta, information, observed: true);

    public override void ExpectedInformation(ReadOnlySpan<double> theta, Span<double> information) => Information(theta, information, observed: false);

    public override void ScoreOuterProduct(ReadOnlySpan<double> theta, Span<double> meat)
    {
        double sigma = theta[_m + 1];
        Span<double> features = stackalloc double[_m + 1];
        Span<double> score = stackalloc double[P];
        meat.Slice(0, P * P).Clear();
        for (int i = 0; i < _y.Length; i++)
        {
            double r = _y[i] - Mean(theta, i, features);
            for (int j = 0; j <= _m; j++)
            {
                score[j] = -r * features[j] / (sigma * sigma);
            }

            score[_m + 1] = (1 / sigma) - (r * r / (sigma * sigma * sigma));
            AddOuter(meat, P, score, score, 1);
        }
    }

    private void Information(ReadOnlySpan<double> theta, Span<double> information, bool observed)
    {
        int p = P, s = _m + 1, n = _y.Length;
        double sigma = theta[s];
        double s2 = sigma * sigma;
        Span<double> features = stackalloc double[_m + 1];
        information.Slice(0, p * p).Clear();
        double rss = 0;
        for (int i = 0; i < n; i++)
        {
            double r = _y[i] - Mean(theta, i, features);
            rss += r * r;
            for (int a = 0; a <= _m; a++)
            {
                for (int b = 0; b <= _m; b++)
                {
                    information[(a * p) + b] += features[a] * features[b] / s2;
                }

                if (observed)
                {
                    information[(a * p) + s] += 2 * r * features[a] / (s2 * sigma);
                    information[(s * p) + a] += 2 * r * features[a] / (s2 * sigma);
                }
            }
        }

        information[(s * p) + s] = observed ? (-n / s2) + (3 * rss / (s2 * s2)) : 2.0 * n / s2;
    }

    private double Mean(ReadOnlySpan<double> theta, int i, Span<double> features)
    {
        features[0] = 1;
        double mu = theta[0];
        for (int j = 0; j < _m; j++)
        {
            features[j + 1] = _x[i, j];
            mu += theta[j + 1] * _x[i, j];
        }

        return mu;
    }

    private static ParameterInfo[] Infos(int m)
    {
        var infos = new ParameterInfo[m + 2];
        infos[0] = Free("Intercept");
        for (int j = 0; j < m; j++)
        {
            infos[j + 1] = Free($"Beta[{j}]");
        }

        infos[m + 1] = Positive("Sigma");
        return infos;
    }

    private static double[] Start(int m)
    {
        double[] start = new double[m + 2];
        start[m + 1] = 1;
        return start;
    }
}

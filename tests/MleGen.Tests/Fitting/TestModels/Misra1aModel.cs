using System;

namespace MleGen.Tests.Fitting.TestModels;

/// <summary>NIST Misra1a as a Gaussian model: y ~ Normal(b1·(1 − exp(−b2·x)), sigma), θ = (b1, b2, sigma), exact derivatives by hand.</summary>
internal sealed class Misra1aModel : HandWrittenModel
{
    private readonly double[] _x;
    private readonly double[] _y;

    public Misra1aModel(double[] x, double[] y, double b1, double b2, double sigma)
        : base([Free("b1"), Free("b2"), Positive("sigma")], [b1, b2, sigma])
    {
        _x = x;
        _y = y;
    }

    public override int ObservationCount => _y.Length;

    public override double NegativeLogLikelihood(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        double b1 = theta[0], b2 = theta[1], sigma = theta[2];
        int n = _y.Length;
        double rss = 0, g1 = 0, g2 = 0;
        for (int i = 0; i < n; i++)
        {
            double e = Math.Exp(-b2 * _x[i]);
            double r = _y[i] - (b1 * (1 - e));
            rss += r * r;
            g1 -= r * (1 - e);
            g2 -= r * b1 * _x[i] * e;
        }

        if (!gradient.IsEmpty)
        {
            gradient[0] = g1 / (sigma * sigma);
            gradient[1] = g2 / (sigma * sigma);
            gradient[2] = (n / sigma) - (rss / (sigma * sigma * sigma));
        }

        return (n * Math.Log(sigma)) + (0.5 * n * Math.Log(2 * Math.PI)) + (rss / (2 * sigma * sigma));
    }

    public override void ObservedInformation(ReadOnlySpan<double> theta, Span<double> information) => Information(theta, information, true);

    public override void ExpectedInformation(ReadOnlySpan<double> theta, Span<double> information) => Information(theta, information, false);

    public override void ScoreOuterProduct(ReadOnlySpan<double> theta, Span<double> meat)
    {
        double b1 = theta[0], b2 = theta[1], sigma = theta[2], s2 = sigma * sigma;
        Span<double> score = stackalloc double[3];
        meat.Slice(0, 9).Clear();
        for (int i = 0; i < _y.Length; i++)
        {
            double e = Math.Exp(-b2 * _x[i]);
            double r = _y[i] - (b1 * (1 - e));
            score[0] = -r * (1 - e) / s2;
            score[1] = -r * b1 * _x[i] * e / s2;
            score[2] = (1 / sigma) - (r * r / (s2 * sigma));
            AddOuter(meat, 3, score, score, 1);
        }
    }

    private void Information(ReadOnlySpan<double> theta, Span<double> h, bool observed)
    {
        double b1 = theta[0], b2 = theta[1], sigma = theta[2], s2 = sigma * sigma;
        int n = _y.Length;
        h.Slice(0, 9).Clear();
        double rss = 0;
        for (int i = 0; i < n; i++)
        {
            double x = _x[i], e = Math.Exp(-b2 * x);
            double r = _y[i] - (b1 * (1 - e));
            rss += r * r;
            double j1 = 1 - e, j2 = b1 * x * e;
            double f12 = x * e, f22 = -b1 * x * x * e;
            h[0] += j1 * j1 / s2;
            h[1] += j1 * j2 / s2;
            h[4] += j2 * j2 / s2;
            if (observed)
            {
                h[1] -= r * f12 / s2;
                h[4] -= r * f22 / s2;
                h[2] += 2 * r * j1 / (s2 * sigma);
                h[5] += 2 * r * j2 / (s2 * sigma);
            }
        }

        h[3] = h[1];
        h[6] = h[2];
        h[7] = h[5];
        h[8] = observed ? (-n / s2) + (3 * rss / (s2 * s2)) : 2.0 * n / s2;
    }
}

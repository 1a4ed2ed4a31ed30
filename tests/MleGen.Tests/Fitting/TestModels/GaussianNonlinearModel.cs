using System;

namespace MleGen.Tests.Fitting.TestModels;

/// <summary>
/// y ~ Normal(f(b; x), sigma) for any mean function f written over <see cref="Jet"/>s (exact
/// gradient and Hessian of f): θ = (b1 … bq, sigma), sigma &gt; 0. Observed information
/// (JᵀJ − Σ r∇²f)/σ² etc., expected JᵀJ/σ² and 2n/σ².
/// </summary>
internal sealed class GaussianNonlinearModel : HandWrittenModel
{
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly Func<Jet[], double, Jet> _mean;
    private readonly int _q;

    public GaussianNonlinearModel(string[] names, double[] start, double sigma, double[] x, double[] y, Func<Jet[], double, Jet> mean)
        : base(Infos(names), [.. start, sigma])
    {
        _x = x;
        _y = y;
        _mean = mean;
        _q = names.Length;
    }

    public override int ObservationCount => _y.Length;

    private int P => _q + 1;

    private Jet Mean(ReadOnlySpan<double> theta, int i)
    {
        var b = new Jet[_q];
        for (int k = 0; k < _q; k++)
        {
            b[k] = Jet.Variable(theta[k], k, _q);
        }

        return _mean(b, _x[i]);
    }

    private double MeanValue(ReadOnlySpan<double> theta, int i)
    {
        var b = new Jet[_q];
        for (int k = 0; k < _q; k++)
        {
            b[k] = Jet.Constant(theta[k], 0);
        }

        return _mean(b, _x[i]).Value;
    }

    public override double NegativeLogLikelihood(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        double sigma = theta[_q], s2 = sigma * sigma, rss = 0;
        int n = _y.Length;
        if (!gradient.IsEmpty)
        {
            gradient.Slice(0, P).Clear();
        }

        for (int i = 0; i < n; i++)
        {
            if (gradient.IsEmpty)
            {
                double r0 = _y[i] - MeanValue(theta, i);
                rss += r0 * r0;
                continue;
            }

            Jet f = Mean(theta, i);
            double r = _y[i] - f.Value;
            rss += r * r;
            for (int k = 0; k < _q; k++)
            {
                gradient[k] -= r * f.Gradient[k] / s2;
            }
        }

        if (!gradient.IsEmpty)
        {
            gradient[_q] = (n / sigma) - (rss / (s2 * sigma));
        }

        double nll = (n * Math.Log(sigma)) + (0.5 * n * Math.Log(2 * Math.PI)) + (rss / (2 * s2));
        return double.IsFinite(nll) ? nll : double.PositiveInfinity;
    }

    public override void ObservedInformation(ReadOnlySpan<double> theta, Span<double> information) => Information(theta, information, true);

    public override void ExpectedInformation(ReadOnlySpan<double> theta, Span<double> information) => Information(theta, information, false);

    public override void ScoreOuterProduct(ReadOnlySpan<double> theta, Span<double> meat)
    {
        double sigma = theta[_q], s2 = sigma * sigma;
        Span<double> score = stackalloc double[P];
        meat.Slice(0, P * P).Clear();
        for (int i = 0; i < _y.Length; i++)
        {
            Jet f = Mean(theta, i);
            double r = _y[i] - f.Value;
            for (int k = 0; k < _q; k++)
            {
                score[k] = -r * f.Gradient[k] / s2;
            }

            score[_q] = (1 / sigma) - (r * r / (s2 * sigma));
            AddOuter(meat, P, score, score, 1);
        }
    }

    private void Information(ReadOnlySpan<double> theta, Span<double> h, bool observed)
    {
        int p = P, q = _q, n = _y.Length;
        double sigma = theta[q], s2 = sigma * sigma, rss = 0;
        h.Slice(0, p * p).Clear();
        for (int i = 0; i < n; i++)
        {
            Jet f = Mean(theta, i);
            double r = _y[i] - f.Value;
            rss += r * r;
            for (int a = 0; a < q; a++)
            {
                for (int b = 0; b < q; b++)
                {
                    h[(a * p) + b] += ((f.Gradient[a] * f.Gradient[b]) - (observed ? r * f.Hessian[(a * q) + b] : 0)) / s2;
                }

                if (observed)
                {
                    h[(a * p) + q] += 2 * r * f.Gradient[a] / (s2 * sigma);
                    h[(q * p) + a] += 2 * r * f.Gradient[a] / (s2 * sigma);
                }
            }
        }

        h[(q * p) + q] = observed ? (-n / s2) + (3 * rss / (s2 * s2)) : 2.0 * n / s2;
    }

    private static ParameterInfo[] Infos(string[] names)
    {
        var infos = new ParameterInfo[names.Length + 1];
        for (int k = 0; k < names.Length; k++)
        {
            infos[k] = Free(names[k]);
        }

        infos[^1] = Positive("sigma");
        return infos;
    }
}

using System;

namespace MleGen.Tests.Fitting.TestModels;

/// <summary>
/// An iid model Σᵢ log p(yᵢ | θ) with the log density written over <see cref="Jet"/>s: exact
/// gradient, observed information and per-observation scores; the expected information from a
/// closed form when given (otherwise the observed one).
/// </summary>
internal sealed class JetDensityModel : HandWrittenModel
{
    private readonly double[] _y;
    private readonly Func<Jet[], double, Jet> _logDensity;
    private readonly Func<double[], int, double[]>? _expected;

    public JetDensityModel(ParameterInfo[] infos, double[] start, double[] y, Func<Jet[], double, Jet> logDensity, Func<double[], int, double[]>? expected = null)
        : base(infos, start)
    {
        _y = y;
        _logDensity = logDensity;
        _expected = expected;
    }

    public override int ObservationCount => _y.Length;

    public override bool HasExpectedInformation => _expected is not null;

    private Jet[] Seeds(ReadOnlySpan<double> theta, bool derivatives)
    {
        int p = ParameterCount;
        var seeds = new Jet[p];
        for (int k = 0; k < p; k++)
        {
            seeds[k] = derivatives ? Jet.Variable(theta[k], k, p) : Jet.Constant(theta[k], 0);
        }

        return seeds;
    }

    public override double NegativeLogLikelihood(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        int p = ParameterCount;
        Jet[] seeds = Seeds(theta, !gradient.IsEmpty);
        if (!gradient.IsEmpty)
        {
            gradient.Slice(0, p).Clear();
        }

        double nll = 0;
        foreach (double y in _y)
        {
            Jet l = _logDensity(seeds, y);
            nll -= l.Value;
            for (int k = 0; !gradient.IsEmpty && k < p; k++)
            {
                gradient[k] -= l.Gradient[k];
            }
        }

        return double.IsFinite(nll) ? nll : double.PositiveInfinity;
    }

    public override void ObservedInformation(ReadOnlySpan<double> theta, Span<double> information)
    {
        int p = ParameterCount;
        Jet[] seeds = Seeds(theta, true);
        information.Slice(0, p * p).Clear();
        foreach (double y in _y)
        {
            Jet l = _logDensity(seeds, y);
            for (int k = 0; k < p * p; k++)
            {
                information[k] -= l.Hessian[k];
            }
        }
    }

    public override void ExpectedInformation(ReadOnlySpan<double> theta, Span<double> information)
    {
        if (_expected is null)
        {
            ObservedInformation(theta, information);
            return;
        }

        _expected(theta.ToArray(), _y.Length).CopyTo(information);
    }

    public override void ScoreOuterProduct(ReadOnlySpan<double> theta, Span<double> meat)
    {
        int p = ParameterCount;
        Jet[] seeds = Seeds(theta, true);
        meat.Slice(0, p * p).Clear();
        foreach (double y in _y)
        {
            Jet l = _logDensity(seeds, y);
            AddOuter(meat, p, l.Gradient, l.Gradient, 1);
        }
    }
}

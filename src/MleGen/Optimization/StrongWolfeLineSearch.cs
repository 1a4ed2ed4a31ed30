using System;

namespace MleGen;

/// <summary>
/// The strong-Wolfe line search of Nocedal &amp; Wright, <i>Numerical Optimization</i> (2nd ed.),
/// Algorithms 3.5 (bracketing) and 3.6 (zoom) with the safeguarded cubic interpolation of eq. 3.59.
/// Allocation-free: it works on the caller's buffers.
/// </summary>
internal static class StrongWolfeLineSearch
{
    /// <summary>Sufficient-decrease constant c₁ (N&amp;W's customary 1e-4).</summary>
    public const double C1 = 1e-4;

    /// <summary>Curvature constant c₂ (0.9, the usual choice for quasi-Newton directions).</summary>
    public const double C2 = 0.9;

    private const int MaxBracketSteps = 40;
    private const int MaxZoomSteps = 60;

    /// <summary>Searches along <paramref name="direction"/> from <paramref name="x"/>.</summary>
    /// <param name="objective">The function.</param>
    /// <param name="x">The current point.</param>
    /// <param name="f0">f(x).</param>
    /// <param name="slope0">∇f(x)ᵀd, negative.</param>
    /// <param name="direction">The descent direction d.</param>
    /// <param name="initialStep">The first trial α.</param>
    /// <param name="xNew">Receives the accepted point.</param>
    /// <param name="gradientNew">Receives the gradient at the accepted point.</param>
    public static LineSearchResult Search(IObjective objective, ReadOnlySpan<double> x, double f0, double slope0,
        ReadOnlySpan<double> direction, double initialStep, Span<double> xNew, Span<double> gradientNew)
    {
        var state = new State(objective, x, direction, xNew, gradientNew, f0, slope0);
        double aPrev = 0, fPrev = f0, dPrev = slope0;
        double a = initialStep;
        for (int i = 0; i < MaxBracketSteps; i++)
        {
            double fa = state.Evaluate(a, out double da);
            if (!double.IsFinite(fa) || fa > f0 + (C1 * a * slope0) || (i > 0 && fa >= fPrev))
            {
                return Zoom(ref state, aPrev, fPrev, dPrev, a, fa, da);
            }

            if (Math.Abs(da) <= -C2 * slope0)
            {
                return new LineSearchResult(true, a, fa, state.Evaluations);
            }

            if (da >= 0)
            {
                return Zoom(ref state, a, fa, da, aPrev, fPrev, dPrev);
            }

            aPrev = a;
            fPrev = fa;
            dPrev = da;
            a *= 2;
        }

        return state.AcceptBest(aPrev, fPrev);
    }

    private static LineSearchResult Zoom(ref State state, double lo, double fLo, double dLo, double hi, double fHi, double dHi)
    {
        for (int j = 0; j < MaxZoomSteps; j++)
        {
            double a = Interpolate(lo, fLo, dLo, hi, fHi, dHi);
            double fa = state.Evaluate(a, out double da);
            if (!double.IsFinite(fa) || fa > state.F0 + (C1 * a * state.Slope0) || fa >= fLo)
            {
                hi = a;
                fHi = fa;
                dHi = da;
            }
            else
            {
                if (Math.Abs(da) <= -C2 * state.Slope0)
                {
                    return new LineSearchResult(true, a, fa, state.Evaluations);
                }

                if (da * (hi - lo) >= 0)
                {
                    hi = lo;
                    fHi = fLo;
                    dHi = dLo;
                }

                lo = a;
                fLo = fa;
                dLo = da;
            }

            if (Math.Abs(hi - lo) <= 1e-16 * Math.Max(Math.Abs(lo), Math.Abs(hi)))
            {
                break;
            }
        }

        return state.AcceptBest(lo, fLo);
    }

    /// <summary>The minimizer of the cubic through (lo, fLo, dLo), (hi, fHi, dHi), kept at least 10 % inside the interval; bisection when the cubic is unusable.</summary>
    private static double Interpolate(double lo, double fLo, double dLo, double hi, double fHi, double dHi)
    {
        double mid = 0.5 * (lo + hi);
        if (!double.IsFinite(fHi) || !double.IsFinite(dHi))
        {
            // Beyond the domain: shrink decisively towards the good end.
            return lo + (0.25 * (hi - lo));
        }

        double d1 = dLo + dHi - (3 * (fLo - fHi) / (lo - hi));
        double disc = (d1 * d1) - (dLo * dHi);
        if (disc < 0)
        {
            return mid;
        }

        double d2 = Math.Sign(hi - lo) * Math.Sqrt(disc);
        double denominator = dHi - dLo + (2 * d2);
        if (denominator == 0)
        {
            return mid;
        }

        double a = hi - ((hi - lo) * (dHi + d2 - d1) / denominator);
        double left = Math.Min(lo, hi), width = Math.Abs(hi - lo);
        return double.IsFinite(a) && a >= left + (0.1 * width) && a <= left + (0.9 * width) ? a : mid;
    }

    private ref struct State
    {
        private readonly IObjective _objective;
        private readonly ReadOnlySpan<double> _x;
        private readonly ReadOnlySpan<double> _d;
        private readonly Span<double> _xNew;
        private readonly Span<double> _gNew;
        private double _lastStep;

        public State(IObjective objective, ReadOnlySpan<double> x, ReadOnlySpan<double> d, Span<double> xNew, Span<double> gNew, double f0, double slope0)
        {
            _objective = objective;
            _x = x;
            _d = d;
            _xNew = xNew;
            _gNew = gNew;
            F0 = f0;
            Slope0 = slope0;
            _lastStep = double.NaN;
            Evaluations = 0;
        }

        public double F0 { get; }

        public double Slope0 { get; }

        public int Evaluations { get; private set; }

        public double Evaluate(double a, out double slope)
        {
            Vectors.AddScaled(_x, a, _d, _xNew);
            double f = _objective.ValueAndGradient(_xNew, _gNew);
            Evaluations++;
            _lastStep = a;
            slope = Vectors.Dot(_gNew, _d);
            return f;
        }

        /// <summary>Falls back to the best point with sufficient decrease when the curvature condition could not be met.</summary>
        public LineSearchResult AcceptBest(double a, double fa)
        {
            if (a <= 0 || !(fa < F0))
            {
                return new LineSearchResult(false, 0, F0, Evaluations);
            }

            if (a != _lastStep)
            {
                fa = Evaluate(a, out _);
            }

            return new LineSearchResult(true, a, fa, Evaluations);
        }
    }
}

using System;
using System.ComponentModel;

namespace MleGen;

/// <summary>
/// The Beta family's log CDF and log survival function, log I_x(a, b) and log(1 − I_x(a, b)) (the regularized incomplete
/// beta and its complement), with their first and second derivatives in the shapes a and b; called by generated code,
/// hidden from IntelliSense. x is always data (an observation or a truncation bound), so no x-derivative is needed.
/// </summary>
/// <remarks>
/// One evaluation gives both tails and their derivatives. Below the switch point x &lt; (a + 1)/(a + b + 2) the lower tail
/// I_x(a, b) comes from its continued fraction (modified Lentz), above it the upper tail from I_{1−x}(b, a)'s, with 1 − x
/// formed from the data (exact for x ≥ ½) and log(1 − x) as log1p(−x): the fraction converges there within O(√max(a, b))
/// terms. The other tail is log(1 − e^(log tail)), never 1 − a small number: the computed tail is at most ~1 − min(a, b)/5
/// at the switch point. Right at the switch point (a band of width ~1/(30(a + b)) around it) the shape derivatives come
/// from the other side's fraction when its first shape is the larger (see <see cref="FractionAmplification"/>). Everything is carried in a second-order forward-mode number in (a, b) (<see cref="ShapeJet"/>):
/// the fraction's terms, whose derivatives converge with them, and the prefactor xᵃ(1 − x)ᵇ/B(a, b) in logs — for
/// a, b ≥ 10 by Stirling's series around the mean a/(a + b), so that the large terms a log x, b log(1 − x) and log B(a, b)
/// never cancel (½ log(ab/(a + b)) − ½ log 2π − Δ(a, b) − a·g(t₁) − b·g(t₂) with g(t) = t − log(1 + t) ≥ 0,
/// t₁ = (x(a + b) − a)/a, t₂ = −(x(a + b) − a)/b, Δ the Stirling corrections), otherwise directly with log B(a, b) from
/// the cancellation-free log Γ differences. A fraction that does not settle within <see cref="IncompleteBetaMaxTerms"/>
/// terms (shapes beyond ~10⁹ near the mode) gives NaN, never a truncated value.
/// </remarks>
public static partial class Functions
{
    /// <summary>The fraction's term limit: O(√max(a, b)) terms near the switch point, ~300 at a = b = 10⁴.</summary>
    private const int IncompleteBetaMaxTerms = 100_000;

    /// <summary>The fraction's convergence test: each factor within this of 1, its shape derivatives (scaled by the shapes) within it of 0.</summary>
    private const double IncompleteBetaTolerance = 1e-16;

    /// <summary>Above this magnification of the first shape's derivatives (see <see cref="FractionAmplification"/>) the other fraction is tried.</summary>
    private const double IncompleteBetaSwitchAmplification = 30;

    /// <summary>From this smaller shape on the prefactor uses Stirling's series (its correction series has 8 terms).</summary>
    private const double IncompleteBetaStirlingFrom = 10;

    /// <summary>B₂ₖ/(2k(2k − 1)), k = 1…8: the Stirling correction δ(z) = log Γ(z) − (z − ½) log z + z − ½ log 2π = Σ cₖ z^(1−2k).</summary>
    private static readonly double[] StirlingCoefficients =
    [
        1.0 / 12, -1.0 / 360, 1.0 / 1260, -1.0 / 1680, 1.0 / 1188, -691.0 / 360360, 1.0 / 156, -3617.0 / 122400,
    ];

    /// <summary>log I_x(a, b), the log CDF of Beta(a, b) at x: exact where I underflows and where it rounds to 1.</summary>
    /// <param name="a">The first shape, positive.</param>
    /// <param name="b">The second shape, positive.</param>
    /// <param name="x">The point, in [0, 1].</param>
    /// <returns>log I_x(a, b), ≤ 0: −∞ at x = 0, 0 at x = 1; NaN out of range.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double BetaLogCdf(double a, double b, double x) => IncompleteBeta(a, b, x).LogP.Value;

    /// <summary>∂/∂a log I_x(a, b).</summary>
    /// <param name="a">The first shape, positive.</param>
    /// <param name="b">The second shape, positive.</param>
    /// <param name="x">The point, in (0, 1].</param>
    /// <returns>The derivative.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double BetaLogCdfA(double a, double b, double x) => IncompleteBeta(a, b, x).LogP.A;

    /// <summary>∂/∂b log I_x(a, b).</summary>
    /// <param name="a">The first shape, positive.</param>
    /// <param name="b">The second shape, positive.</param>
    /// <param name="x">The point, in (0, 1].</param>
    /// <returns>The derivative.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double BetaLogCdfB(double a, double b, double x) => IncompleteBeta(a, b, x).LogP.B;

    /// <summary>∂²/∂a² log I_x(a, b).</summary>
    /// <param name="a">The first shape, positive.</param>
    /// <param name="b">The second shape, positive.</param>
    /// <param name="x">The point, in (0, 1].</param>
    /// <returns>The second derivative.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double BetaLogCdfAA(double a, double b, double x) => IncompleteBeta(a, b, x).LogP.AA;

    /// <summary>∂²/∂a∂b log I_x(a, b).</summary>
    /// <param name="a">The first shape, positive.</param>
    /// <param name="b">The second shape, positive.</param>
    /// <param name="x">The point, in (0, 1].</param>
    /// <returns>The mixed second derivative.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double BetaLogCdfAB(double a, double b, double x) => IncompleteBeta(a, b, x).LogP.AB;

    /// <summary>∂²/∂b² log I_x(a, b).</summary>
    /// <param name="a">The first shape, positive.</param>
    /// <param name="b">The second shape, positive.</param>
    /// <param name="x">The point, in (0, 1].</param>
    /// <returns>The second derivative.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double BetaLogCdfBB(double a, double b, double x) => IncompleteBeta(a, b, x).LogP.BB;

    /// <summary>log(1 − I_x(a, b)), the log survival function of Beta(a, b) at x: exact in both tails.</summary>
    /// <param name="a">The first shape, positive.</param>
    /// <param name="b">The second shape, positive.</param>
    /// <param name="x">The point, in [0, 1].</param>
    /// <returns>log(1 − I_x(a, b)), ≤ 0: 0 at x = 0, −∞ at x = 1; NaN out of range.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double BetaLogCcdf(double a, double b, double x) => IncompleteBeta(a, b, x).LogQ.Value;

    /// <summary>∂/∂a log(1 − I_x(a, b)).</summary>
    /// <param name="a">The first shape, positive.</param>
    /// <param name="b">The second shape, positive.</param>
    /// <param name="x">The point, in [0, 1).</param>
    /// <returns>The derivative.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double BetaLogCcdfA(double a, double b, double x) => IncompleteBeta(a, b, x).LogQ.A;

    /// <summary>∂/∂b log(1 − I_x(a, b)).</summary>
    /// <param name="a">The first shape, positive.</param>
    /// <param name="b">The second shape, positive.</param>
    /// <param name="x">The point, in [0, 1).</param>
    /// <returns>The derivative.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double BetaLogCcdfB(double a, double b, double x) => IncompleteBeta(a, b, x).LogQ.B;

    /// <summary>∂²/∂a² log(1 − I_x(a, b)).</summary>
    /// <param name="a">The first shape, positive.</param>
    /// <param name="b">The second shape, positive.</param>
    /// <param name="x">The point, in [0, 1).</param>
    /// <returns>The second derivative.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double BetaLogCcdfAA(double a, double b, double x) => IncompleteBeta(a, b, x).LogQ.AA;

    /// <summary>∂²/∂a∂b log(1 − I_x(a, b)).</summary>
    /// <param name="a">The first shape, positive.</param>
    /// <param name="b">The second shape, positive.</param>
    /// <param name="x">The point, in [0, 1).</param>
    /// <returns>The mixed second derivative.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double BetaLogCcdfAB(double a, double b, double x) => IncompleteBeta(a, b, x).LogQ.AB;

    /// <summary>∂²/∂b² log(1 − I_x(a, b)).</summary>
    /// <param name="a">The first shape, positive.</param>
    /// <param name="b">The second shape, positive.</param>
    /// <param name="x">The point, in [0, 1).</param>
    /// <returns>The second derivative.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double BetaLogCcdfBB(double a, double b, double x) => IncompleteBeta(a, b, x).LogQ.BB;

    /// <summary>
    /// Both tails in the log with their shape derivatives. The generated code asks for up to twelve of them at the same
    /// (a, b, x): the last <see cref="IncompleteBetaCache.Size"/> results of the thread are kept, keyed by the exact bits,
    /// so each triple is evaluated once. A pure function's result, so a hit is bit for bit what a new evaluation gives.
    /// </summary>
    internal static IncompleteBetaTails IncompleteBeta(double a, double b, double x)
    {
        var cache = t_incompleteBetaCache ??= new IncompleteBetaCache();
        if (cache.TryGet(a, b, x, out var tails))
        {
            return tails;
        }

        tails = EvaluateIncompleteBeta(a, b, x);
        cache.Add(a, b, x, tails);
        return tails;
    }

    [ThreadStatic]
    private static IncompleteBetaCache? t_incompleteBetaCache;

    private static IncompleteBetaTails EvaluateIncompleteBeta(double a, double b, double x)
    {
        if (!(a > 0) || !(b > 0) || double.IsPositiveInfinity(a) || double.IsPositiveInfinity(b) || !(x >= 0 && x <= 1))
        {
            return IncompleteBetaTails.NaN;
        }

        // At the ends the tails are constants in (a, b): log I₀ = −∞ and log(1 − I₁) = −∞ with zero derivatives (as the
        // derivative of the constant branch of y > 0 ? … : −∞), so that a truncation bound at 0 or 1 — log(1 − e^(−∞ − ℓ))
        // — is no truncation with finite derivatives, never 0·NaN.
        var minusInfinity = ShapeJet.Constant(double.NegativeInfinity);
        if (x == 0)
        {
            return new(minusInfinity, ShapeJet.Constant(0));
        }

        if (x == 1)
        {
            return new(ShapeJet.Constant(0), minusInfinity);
        }

        var ja = ShapeJet.VariableA(a);
        var jb = ShapeJet.VariableB(b);
        double logX = Math.Log(x);
        double y = 1 - x; // exact for x ≥ ½; for x < ½ only used where y > ½
        double logY = Log1p(-x);
        bool lower = x < (a + 1) / (a + b + 2);
        var tails = IncompleteBetaSide(ja, jb, x, y, logX, logY, lower);
        double amplification = FractionAmplification(lower ? a : b, lower ? b : a, lower ? x : y);
        if (amplification > IncompleteBetaSwitchAmplification && FractionAmplification(lower ? b : a, lower ? a : b, lower ? y : x) < amplification)
        {
            // At the switch point the fraction whose first shape is the smaller carries that shape's derivatives through a
            // first factor ~(a + b) times their size (see FractionAmplification), while the other, whose terms tend to −s
            // with s near 1 (1 + dₘ/c loses digits), rounds the value worse: the value from the first, the derivatives from the other.
            var other = IncompleteBetaSide(ja, jb, x, y, logX, logY, !lower);
            tails = new(other.LogP with { Value = tails.LogP.Value }, other.LogQ with { Value = tails.LogQ.Value });
        }

        return tails;
    }

    /// <summary>Both tails from the fraction of the lower tail I_x(a, b) or of the upper one I_{1−x}(b, a), the other as log(1 − ·).</summary>
    private static IncompleteBetaTails IncompleteBetaSide(ShapeJet ja, ShapeJet jb, double x, double y, double logX, double logY, bool lower)
    {
        if (lower)
        {
            var logP = LogIncompleteBetaTail(ja, jb, x, logX, logY);
            return new(logP, LogOneMinusExp(logP));
        }

        var logQ = LogIncompleteBetaTail(jb, ja, y, logY, logX);
        return new(LogOneMinusExp(logQ), logQ);
    }

    /// <summary>log I_s(p, q) by the continued fraction, s below the switch point: log(sᵖ(1 − s)^q/B(p, q)) − log p + log(fraction).</summary>
    private static ShapeJet LogIncompleteBetaTail(ShapeJet p, ShapeJet q, double s, double logS, double log1mS)
    {
        var fraction = IncompleteBetaFraction(p, q, s);
        if (double.IsNaN(fraction.Value))
        {
            return ShapeJet.NaN;
        }

        var logTail = LogBetaPrefactor(p, q, s, logS, log1mS) - ShapeJet.Log(p) + ShapeJet.Log(fraction);
        return logTail.Value > 0 ? logTail with { Value = 0 } : logTail;
    }

    /// <summary>log(sᵖ(1 − s)^q/B(p, q)) (see the class remarks).</summary>
    private static ShapeJet LogBetaPrefactor(ShapeJet p, ShapeJet q, double s, double logS, double log1mS)
    {
        if (Math.Min(p.Value, q.Value) >= IncompleteBetaStirlingFrom)
        {
            var sum = p + q;
            var e = (s * sum) - p;
            e = e with { Value = Math.FusedMultiplyAdd(s, sum.Value, -p.Value) };
            var t1 = e / p;
            var t2 = -e / q;

            // p·g(t₁) with g(t₁) = t₁ − log(1 + t₁), 1 + t₁ = s(p + q)/p; far below the mean (t₁ ≤ −½) log(1 + t₁) from
            // log s + log1p(q/p), where 1 + e/p would have lost s's digits (s = 10⁻³⁰⁰).
            var log1pT1 = t1.Value <= -0.5 ? ShapeJet.Log1p(q / p) + logS : ShapeJet.Log1p(t1);
            var log1pT2 = t2.Value <= -0.5 ? ShapeJet.Log1p(p / q) + log1mS : ShapeJet.Log1p(t2);
            var deviations = (p * (t1 - log1pT1)) + (q * (t2 - log1pT2));
            var half = 0.5 * (ShapeJet.Log(p) + ShapeJet.Log(q) - ShapeJet.Log(sum));
            return half - LogSqrtTwoPi - StirlingCorrection(p) - StirlingCorrection(q) + StirlingCorrection(sum) - deviations;
        }

        return (logS * p) + (log1mS * q) - LogBetaFunction(p, q);
    }

    /// <summary>
    /// log B(p, q) = log Γ(s) − (log Γ(s + l) − log Γ(l)), s ≤ l the smaller and larger of p, q, with its derivatives
    /// −(ψ(p + q) − ψ(·)) and ψ′(·) − ψ′(p + q): for the larger one from the cancellation-free differences at (s, l) (their
    /// accurate range: a small first argument against a large second), for the smaller one directly (no cancellation).
    /// </summary>
    private static ShapeJet LogBetaFunction(ShapeJet p, ShapeJet q)
    {
        double pv = p.Value, qv = q.Value;
        bool pSmaller = pv <= qv;
        double small = pSmaller ? pv : qv, large = pSmaller ? qv : pv;
        double value = LogGamma(small) - LogGammaDifference(small, large);
        double dSmall = Digamma(small) - Digamma(small + large);
        double dLarge = -DigammaDifference(small, large);
        double d2Small = Trigamma(small) - Trigamma(small + large);
        double d2Large = -TrigammaDifference(small, large);
        return ShapeJet.Chain(
            p,
            q,
            value,
            pSmaller ? dSmall : dLarge,
            pSmaller ? dLarge : dSmall,
            pSmaller ? d2Small : d2Large,
            -Trigamma(pv + qv),
            pSmaller ? d2Large : d2Small);
    }

    /// <summary>δ(z) = Σ cₖ z^(1−2k), the Stirling correction of log Γ, z ≥ 10 (the last term kept is below 10⁻¹⁶ of the first).</summary>
    private static ShapeJet StirlingCorrection(ShapeJet z)
    {
        double inverse = 1 / z.Value;
        double inverse2 = inverse * inverse;
        double power = inverse; // z^(1−2k)
        double value = 0, first = 0, second = 0;
        for (int k = 0; k < StirlingCoefficients.Length; k++)
        {
            double c = StirlingCoefficients[k];
            int exponent = 1 - (2 * (k + 1)); // 1 − 2k for k = 1, 2, …
            value += c * power;
            first += c * exponent * power * inverse;
            second += c * exponent * (exponent - 1) * power * inverse2;
            power *= inverse2;
        }

        return ShapeJet.Chain(z, value, first, second);
    }

    /// <summary>
    /// How much the fraction of I_s(p, q) magnifies its first shape's derivatives: its first factor is 1/(1 − (p + q)s/(p + 1)),
    /// whose denominator (p + 1 − (p + q)s)/(p + 1) is ≈ 2/(p + q + 2) at the switch point while its p-derivative is
    /// s(q − 1)/(p + 1)², so the p-derivatives of log(fraction) pass through |s(q − 1)|/((p + 1)|p + 1 − (p + q)s|) times their
    /// size (the later factors cancel it): ≈ (p + q)/(2(p + 1)), 5000 for p = 0.1, q = 10⁴, a loss of 1e-8 in the second
    /// derivative. The same fraction with p the larger shape magnifies by about ½.
    /// </summary>
    private static double FractionAmplification(double p, double q, double s) =>
        Math.Abs(s * (q - 1)) / ((p + 1) * Math.Abs(p + 1 - ((p + q) * s)));

    /// <summary>log(1 − e^u) for u = log T ≤ 0: g′ = −1/(e^(−u) − 1), g″ = g′(1 − g′).</summary>
    private static ShapeJet LogOneMinusExp(ShapeJet u)
    {
        if (double.IsNaN(u.Value))
        {
            return ShapeJet.NaN;
        }

        if (u.Value == double.NegativeInfinity)
        {
            return ShapeJet.Constant(0);
        }

        double g1 = -InverseExpm1(-u.Value);
        return ShapeJet.Chain(u, Log1mExp(-u.Value), g1, g1 * (1 - g1));
    }

    /// <summary>
    /// The continued fraction of I_s(p, q)·p B(p, q)/(sᵖ(1 − s)^q) (modified Lentz), as a jet: stops when a factor and its
    /// shape derivatives have settled, NaN when they do not within <see cref="IncompleteBetaMaxTerms"/> terms.
    /// </summary>
    private static ShapeJet IncompleteBetaFraction(ShapeJet p, ShapeJet q, double s)
    {
        const double Tiny = 1e-300;
        double scaleA = p.A != 0 ? p.Value : q.Value; // the shape a, whichever of p, q it is
        double scaleB = p.A != 0 ? q.Value : p.Value;
        var one = ShapeJet.Constant(1);
        var sum = p + q;
        var c = one;
        // The first denominator 1 − (p + q)s/(p + 1) is ≈ 2/(p + q + 2) at the switch point: its value as
        // ((p + 1) − p·s − q·s)/(p + 1) with fused steps (p + 1 is exact for p ≥ 1), never from the rounded p + q.
        var first = one - (s * sum / (p + 1));
        first = first with { Value = Math.FusedMultiplyAdd(-q.Value, s, Math.FusedMultiplyAdd(-p.Value, s, p.Value + 1)) / (p.Value + 1) };
        var d = NotTiny(first, Tiny).Reciprocal();
        var h = d;
        for (int m = 1; m <= IncompleteBetaMaxTerms; m++)
        {
            var even = m * s * (q - m) / ((p + ((2 * m) - 1)) * (p + (2 * m)));
            d = NotTiny(one + (even * d), Tiny).Reciprocal();
            c = NotTiny(one + (even / c), Tiny);
            h *= d * c;
            var odd = -s * ((p + m) * (sum + m)) / ((p + (2 * m)) * (p + ((2 * m) + 1)));
            d = NotTiny(one + (odd * d), Tiny).Reciprocal();
            c = NotTiny(one + (odd / c), Tiny);
            var factor = d * c;
            h *= factor;
            if (Math.Abs(factor.Value - 1) <= IncompleteBetaTolerance
                && Math.Abs(factor.A * scaleA) <= IncompleteBetaTolerance
                && Math.Abs(factor.B * scaleB) <= IncompleteBetaTolerance
                && Math.Abs(factor.AA * scaleA * scaleA) <= IncompleteBetaTolerance
                && Math.Abs(factor.AB * scaleA * scaleB) <= IncompleteBetaTolerance
                && Math.Abs(factor.BB * scaleB * scaleB) <= IncompleteBetaTolerance)
            {
                return h;
            }
        }

        return ShapeJet.NaN;
    }

    private static ShapeJet NotTiny(ShapeJet u, double tiny) => Math.Abs(u.Value) < tiny ? u with { Value = tiny } : u;

    private sealed class IncompleteBetaCache
    {
        /// <summary>Two 8-lane vector blocks of distinct x (an observation's and a truncation bound's) fit.</summary>
        public const int Size = 32;

        private readonly long[] _a = new long[Size];
        private readonly long[] _b = new long[Size];
        private readonly long[] _x = new long[Size];
        private readonly IncompleteBetaTails[] _tails = new IncompleteBetaTails[Size];
        private int _count;
        private int _next;

        public bool TryGet(double a, double b, double x, out IncompleteBetaTails tails)
        {
            long ka = BitConverter.DoubleToInt64Bits(a), kb = BitConverter.DoubleToInt64Bits(b), kx = BitConverter.DoubleToInt64Bits(x);
            for (int k = 0; k < _count; k++)
            {
                if (_x[k] == kx && _a[k] == ka && _b[k] == kb)
                {
                    tails = _tails[k];
                    return true;
                }
            }

            tails = default;
            return false;
        }

        public void Add(double a, double b, double x, in IncompleteBetaTails tails)
        {
            _a[_next] = BitConverter.DoubleToInt64Bits(a);
            _b[_next] = BitConverter.DoubleToInt64Bits(b);
            _x[_next] = BitConverter.DoubleToInt64Bits(x);
            _tails[_next] = tails;
            _next = (_next + 1) % Size;
            _count = Math.Min(_count + 1, Size);
        }
    }

    /// <summary>log I and log(1 − I) with their shape derivatives.</summary>
    internal readonly record struct IncompleteBetaTails(ShapeJet LogP, ShapeJet LogQ)
    {
        public static readonly IncompleteBetaTails NaN = new(ShapeJet.NaN, ShapeJet.NaN);
    }
}

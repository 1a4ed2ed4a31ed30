using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using MathNet.Numerics;

namespace MleGen;

/// <summary>
/// The Gamma family's log CDF and log survival function, the log regularized incomplete gamma functions log P(α, x) and
/// log Q(α, x) (x = rate·y), with their derivatives in the shape α and in x; called by generated code, hidden from IntelliSense.
/// </summary>
/// <remarks>
/// One evaluation gives both tails and their first two α-derivatives: the power series of P for x &lt; α + 1 and Legendre's
/// continued fraction for Q (modified Lentz) otherwise, each carried in a second-order forward-mode number in α (value,
/// d/dα, d²/dα²) and summed in the log (no underflow), the other tail as log(1 − e^(log tail)) with its derivatives. The
/// x-derivatives are density ratios formed from the same sums without cancellation: f/P = α/(x·S) from the series sum S,
/// f/Q = 1/(x·C) from the continued fraction C. Both expansions need O(√α) terms where x is near α; where that exceeds
/// <see cref="IncompleteGammaMaxTerms"/> (α beyond about 10⁸ near its mode) every function returns NaN, never a truncated sum.
/// </remarks>
public static partial class Functions
{
    /// <summary>
    /// The terms the series or the continued fraction may take: the series at x just below α + 1 needs about 8.9·√α terms
    /// to reach 1e-17, so this covers every x for α up to ~10⁸ (and every x away from α for larger α).
    /// </summary>
    private const int IncompleteGammaMaxTerms = 100_000;

    /// <summary>Relative size of the last term kept (below double precision, so the sum is correctly rounded to ~1 ulp).</summary>
    private const double IncompleteGammaTolerance = 1e-17;

    /// <summary>Below α + 1 and from this x on, a P above 0.9 takes Q from the continued fraction (see <see cref="IncompleteGamma"/>).</summary>
    private const double MixedTailsFrom = 0.25;

    /// <summary>log of the smallest normal double (≈ −708.4): below it a complement's ratio ρ is applied in the log.</summary>
    private const double SubnormalLogRatio = -708;

    /// <summary>Above this shape the prefactor is formed by Loader's saddle-point terms (<see cref="LogPoissonPrefactor"/>).</summary>
    private const double SaddlePointFrom = 15;

    /// <summary>log P(α, x) = log F(y) of Gamma(α, rate) at x = rate·y: exact where P underflows and where P rounds to 1.</summary>
    /// <param name="shape">The shape α, positive.</param>
    /// <param name="x">rate·y, non-negative.</param>
    /// <returns>log P(α, x), ≤ 0: −∞ at x = 0, 0 at x = ∞; NaN for an α or x out of range (or α too large, see the remarks).</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double GammaLogCdf(double shape, double x) => IncompleteGamma(shape, x).LogP.Value;

    /// <summary>log Q(α, x) = log(1 − F(y)) of Gamma(α, rate) at x = rate·y: exact where Q underflows and where Q rounds to 1.</summary>
    /// <param name="shape">The shape α, positive.</param>
    /// <param name="x">rate·y, non-negative.</param>
    /// <returns>log Q(α, x), ≤ 0: 0 at x = 0, −∞ at x = ∞; NaN out of range.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double GammaLogCcdf(double shape, double x) => IncompleteGamma(shape, x).LogQ.Value;

    /// <summary>∂/∂x log P(α, x) = f(x)/P(α, x), f the Gamma(α, 1) density.</summary>
    /// <param name="shape">The shape α, positive.</param>
    /// <param name="x">rate·y, positive.</param>
    /// <returns>The ratio, positive.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double GammaCdfRatio(double shape, double x) => IncompleteGamma(shape, x).CdfRatio;

    /// <summary>f(x)/Q(α, x), the hazard of Gamma(α, 1): −∂/∂x log Q(α, x).</summary>
    /// <param name="shape">The shape α, positive.</param>
    /// <param name="x">rate·y, positive.</param>
    /// <returns>The ratio, positive.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double GammaCcdfRatio(double shape, double x) => IncompleteGamma(shape, x).CcdfRatio;

    /// <summary>∂/∂α log P(α, x).</summary>
    /// <param name="shape">The shape α, positive.</param>
    /// <param name="x">rate·y, positive.</param>
    /// <returns>The derivative (negative).</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double GammaLogCdfShape(double shape, double x) => IncompleteGamma(shape, x).LogP.First;

    /// <summary>∂²/∂α² log P(α, x).</summary>
    /// <param name="shape">The shape α, positive.</param>
    /// <param name="x">rate·y, positive.</param>
    /// <returns>The second derivative.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double GammaLogCdfShape2(double shape, double x) => IncompleteGamma(shape, x).LogP.Second;

    /// <summary>∂/∂α log Q(α, x).</summary>
    /// <param name="shape">The shape α, positive.</param>
    /// <param name="x">rate·y, positive.</param>
    /// <returns>The derivative (positive).</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double GammaLogCcdfShape(double shape, double x) => IncompleteGamma(shape, x).LogQ.First;

    /// <summary>∂²/∂α² log Q(α, x).</summary>
    /// <param name="shape">The shape α, positive.</param>
    /// <param name="x">rate·y, positive.</param>
    /// <returns>The second derivative.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double GammaLogCcdfShape2(double shape, double x) => IncompleteGamma(shape, x).LogQ.Second;

    /// <summary>
    /// Both tails in the log with their α-derivatives, and the two density ratios. The generated code asks for up to six
    /// of them at the same (α, x) (a value, its ratio and shape derivatives; a vector kernel each lane of each): the last
    /// <see cref="PairCache{T}.Size"/> results of the thread are kept, keyed by the exact bits of (α, x), so each
    /// pair is summed once. A pure function's result, so a hit is bit for bit what a new evaluation would give.
    /// </summary>
    internal static IncompleteGammaTails IncompleteGamma(double a, double x)
    {
        var cache = t_incompleteGammaCache ??= new PairCache<IncompleteGammaTails>();
        if (cache.TryGet(a, x, out var tails))
        {
            return tails;
        }

        tails = EvaluateIncompleteGamma(a, x);
        cache.Add(a, x, tails);
        return tails;
    }

    [ThreadStatic]
    private static PairCache<IncompleteGammaTails>? t_incompleteGammaCache;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static IncompleteGammaTails EvaluateIncompleteGamma(double a, double x)
    {
        if (!(a > 0) || double.IsPositiveInfinity(a) || !(x >= 0))
        {
            return IncompleteGammaTails.NaN;
        }

        if (x == 0)
        {
            // P = 0, Q = 1: log Q and its derivatives are 0; log P is −∞ (its α-derivatives and f/P undefined).
            return new(new(double.NegativeInfinity, double.NaN, double.NaN), default, double.NaN, a < 1 ? double.PositiveInfinity : a == 1 ? 1 : 0);
        }

        if (double.IsPositiveInfinity(x))
        {
            return new(default, new(double.NegativeInfinity, double.NaN, double.NaN), 0, double.NaN);
        }

        if (x >= a + 1)
        {
            return UpperContinuedFraction(a, x);
        }

        var lower = LowerSeries(a, x);
        if (lower.LogP.Value > -0.1 && x >= MixedTailsFrom)
        {
            // P > 0.9 (a small shape): Q = 1 − P would lose digits as P/Q; the continued fraction converges here (within
            // ~400 terms at x = 0.25) and gives Q and f/Q, and log P's value is log(1 − Q) (the series' is a sum of O(1)
            // terms near 0); log P's derivatives and f/P stay the series'.
            var upper = UpperContinuedFraction(a, x);
            return new(lower.LogP with { Value = upper.LogP.Value }, upper.LogQ, lower.CdfRatio, upper.CcdfRatio);
        }

        return lower;
    }

    /// <summary>
    /// P(α, x) = x^α e^(−x)/Γ(α + 1) · S, S = Σₙ tₙ, t₀ = 1, tₙ = tₙ₋₁·x/(α + n) (all positive, decreasing for x &lt; α + 1).
    /// With s₁ₙ = Σₖ≤ₙ 1/(α + k), s₂ₙ = Σₖ≤ₙ 1/(α + k)² and weights wₙ = tₙ/S: (log S)′ = −E_w[s₁], (log S)″ = Var_w[s₁] + E_w[s₂]
    /// (the variance accumulated by West's weighted update, never as a difference of squares).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static IncompleteGammaTails LowerSeries(double a, double x)
    {
        double term = 1, sum = 1, s1 = 0, s2 = 0, mean = 0, m2 = 0, meanS2 = 0;
        int n = 1;
        for (; n <= IncompleteGammaMaxTerms; n++)
        {
            double ak = a + n;
            term *= x / ak;
            double inverse = 1 / ak;
            s1 += inverse;
            s2 += inverse * inverse;
            double total = sum + term;
            double w = term / total;
            double delta = s1 - mean;
            mean += w * delta;
            m2 += term * delta * (s1 - mean);
            meanS2 += w * (s2 - meanS2);
            sum = total;

            // The remaining terms are below a geometric series of ratio x/(α + n + 1) < 1.
            double next = a + n + 1;
            if (term * next <= IncompleteGammaTolerance * sum * (next - x))
            {
                break;
            }
        }

        if (n > IncompleteGammaMaxTerms)
        {
            return IncompleteGammaTails.NaN;
        }

        double logX = Math.Log(x);
        var logP = new Jet(
            Math.Min(0, LogPoissonPrefactor(a, x) + Math.Log(sum)),
            logX - SpecialFunctions.DiGamma(a + 1) - mean,
            -Trigamma(a + 1) + (m2 / sum) + meanS2);
        double cdfRatio = a / (x * sum);
        var (logQ, logRatio) = Complement(logP);
        return new(logP, logQ, cdfRatio, Math.Exp(Math.Log(cdfRatio) + logRatio));
    }

    /// <summary>
    /// Q(α, x) = x^α e^(−x)/Γ(α) · C, C = 1/(x + 1 − α − 1·(1 − α)/(x + 3 − α − 2·(2 − α)/(x + 5 − α − …))) by modified Lentz,
    /// every quantity a forward-mode number in α (C the product of the Lentz factors, of order 1/x: no overflow).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static IncompleteGammaTails UpperContinuedFraction(double a, double x)
    {
        const double tiny = 1e-300;
        var b = new Jet(x + 1 - a, -1, 0);
        var c = new Jet(1 / tiny, 0, 0);
        var d = b.Reciprocal();
        var h = d;
        int i = 1;
        for (; i <= IncompleteGammaMaxTerms; i++)
        {
            var an = new Jet(-i * (i - a), i, 0);
            b = new Jet(b.Value + 2, -1, 0);
            d = (an * d) + b;
            if (Math.Abs(d.Value) < tiny)
            {
                d = new Jet(tiny, 0, 0);
            }

            c = b + (an / c);
            if (Math.Abs(c.Value) < tiny)
            {
                c = new Jet(tiny, 0, 0);
            }

            d = d.Reciprocal();
            var factor = d * c;
            h *= factor;

            // Converged when the factor no longer moves log C nor its two α-derivatives (the changes g₁, g₂ of
            // (log C)′ = C′/C and (log C)″ = C″/C − (C′/C)²) by more than 1e-16 relative.
            double g1 = factor.First / factor.Value;
            double g2 = (factor.Second / factor.Value) - (g1 * g1);
            double l1 = h.First / h.Value;
            double l2 = (h.Second / h.Value) - (l1 * l1);
            if (Math.Abs(factor.Value - 1) <= 1e-16 && Math.Abs(g1) <= 1e-16 * (1 + Math.Abs(l1)) && Math.Abs(g2) <= 1e-16 * (1 + Math.Abs(l2)))
            {
                break;
            }
        }

        if (i > IncompleteGammaMaxTerms)
        {
            return IncompleteGammaTails.NaN;
        }

        if (!(h.Value > 0))
        {
            // The convergents of the fraction are positive for x ≥ α + 1; anything else means it did not converge.
            return IncompleteGammaTails.NaN;
        }

        var logC = h.Log();

        double logX = Math.Log(x);
        var logQ = new Jet(
            Math.Log(a) + LogPoissonPrefactor(a, x) + logC.Value,
            logX - SpecialFunctions.DiGamma(a) + logC.First,
            -Trigamma(a) + logC.Second);
        double logCcdfRatio = -logX - logC.Value;
        var (logP, logRatio) = Complement(logQ);
        return new(logP, logQ, Math.Exp(logCcdfRatio + logRatio), Math.Exp(logCcdfRatio));
    }

    /// <summary>
    /// log(x^α e^(−x)/Γ(α + 1)), the log Poisson probability of α at mean x. Up to α = 15 directly; above it as
    /// −log √(2πα) − stirlerr(α) − bd0(α, x) (Loader 2000), which keeps the O(α) terms α log x, x and log Γ(α + 1) from
    /// cancelling to a small result (at α = 10⁶ the direct form loses 1e-10 absolute).
    /// </summary>
    private static double LogPoissonPrefactor(double a, double x)
    {
        if (a <= SaddlePointFrom)
        {
            return (a * Math.Log(x)) - x - SpecialFunctions.GammaLn(a + 1);
        }

        // stirlerr(α) = log Γ(α + 1) − (α + ½) log α + α − log √(2π) ~ 1/(12α) − 1/(360α³) + 1/(1260α⁵) − 1/(1680α⁷) + 1/(1188α⁹):
        // the first omitted term, 691/(360360α¹¹), is below 1e-16 relative from α = 15.
        double inverse2 = 1 / (a * a);
        double stirlingError = ((1.0 / 12) - (inverse2 * ((1.0 / 360) - (inverse2 * ((1.0 / 1260) - (inverse2 * ((1.0 / 1680) - (inverse2 / 1188)))))))) / a;
        return -LogSqrtTwoPi - (0.5 * Math.Log(a)) - stirlingError - DevianceTerm(a, x);
    }

    /// <summary>
    /// bd0(α, x) = α log(α/x) + x − α ≥ 0 (Loader): near α = x as (α − x)·v + 2α Σⱼ≥₁ v^(2j+1)/(2j + 1) with
    /// v = (α − x)/(α + x), which never forms the difference of the O(α) terms.
    /// </summary>
    private static double DevianceTerm(double a, double x)
    {
        if (Math.Abs(a - x) >= 0.1 * (a + x))
        {
            return (a * Math.Log(a / x)) + x - a;
        }

        double v = (a - x) / (a + x);
        double sum = (a - x) * v;
        double power = 2 * a * v;
        double v2 = v * v;
        for (int j = 1; j < 1000; j++)
        {
            power *= v2;
            double next = sum + (power / ((2 * j) + 1));
            if (next == sum)
            {
                break;
            }

            sum = next;
        }

        return sum;
    }

    /// <summary>
    /// log B for B = 1 − A from ℓ = log A: log(1 − e^ℓ) (Log1mExp), (log B)′ = −ρℓ′, (log B)″ = −ρ(ℓ″ + ℓ′²) − ρ²ℓ′², with
    /// ρ = A/B = 1/(e^(−ℓ) − 1) formed by expm1; also returns log ρ (the step from one density ratio to the other). Where ρ
    /// is below the normal doubles (A below e^(−708)) each product is formed as exp(log|v| + log ρ), never a subnormal ρ.
    /// </summary>
    private static (Jet Log, double LogRatio) Complement(Jet logA)
    {
        double logB = Log1mExp(-logA.Value);
        double logRho = logA.Value - logB;
        double first = logA.First;
        double curvature = logA.Second + (first * first);
        if (logRho > SubnormalLogRatio)
        {
            double rho = InverseExpm1(-logA.Value);
            return (new Jet(logB, -rho * first, (-rho * curvature) - (rho * rho * first * first)), logRho);
        }

        return (new Jet(logB, -Scaled(first, logRho), -Scaled(curvature, logRho) - Scaled(first * first, 2 * logRho)), logRho);
    }

    /// <summary>v·e^L without forming e^L.</summary>
    private static double Scaled(double v, double logScale) => v == 0 || double.IsNaN(v) ? v : Math.Sign(v) * Math.Exp(Math.Log(Math.Abs(v)) + logScale);

    /// <summary>A value with its first and second derivatives in one variable (here the shape α).</summary>
    internal readonly record struct Jet(double Value, double First, double Second)
    {
        public static Jet operator +(Jet u, Jet v) => new(u.Value + v.Value, u.First + v.First, u.Second + v.Second);

        public static Jet operator *(Jet u, Jet v) =>
            new(u.Value * v.Value, (u.First * v.Value) + (u.Value * v.First), (u.Second * v.Value) + (2 * u.First * v.First) + (u.Value * v.Second));

        public static Jet operator /(Jet u, Jet v) => u * v.Reciprocal();

        /// <summary>1/u: (−u′/u², 2u′²/u³ − u″/u²).</summary>
        public Jet Reciprocal()
        {
            double r = 1 / Value;
            double r2 = r * r;
            return new(r, -First * r2, (2 * First * First * r2 * r) - (Second * r2));
        }

        /// <summary>log |u|: (u′/u, u″/u − (u′/u)²).</summary>
        public Jet Log()
        {
            double g = First / Value;
            return new(Math.Log(Math.Abs(Value)), g, (Second / Value) - (g * g));
        }
    }

    /// <summary>log P and log Q with their α-derivatives; f/P and f/Q (f the Gamma(α, 1) density at x).</summary>
    internal readonly record struct IncompleteGammaTails(Jet LogP, Jet LogQ, double CdfRatio, double CcdfRatio)
    {
        public static readonly IncompleteGammaTails NaN = new(new(double.NaN, double.NaN, double.NaN), new(double.NaN, double.NaN, double.NaN), double.NaN, double.NaN);
    }
}

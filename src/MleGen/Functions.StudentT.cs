using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace MleGen;

/// <summary>
/// The Student t log CDF of censored observations, log F(z; ν), and its derivatives in (ν, z), called by generated code.
/// </summary>
/// <remarks>
/// F(z; ν) = ½ I_x(ν/2, ½) below 0 and 1 − ½ I_x(ν/2, ½) above, x = ν/(ν + z²), with the regularized incomplete beta
/// I evaluated by its continued fraction (modified Lentz), from x when x lies below the fraction's switch point
/// (a + 1)/(a + b + 2) and otherwise as 1 − I_{1−x}(½, ν/2) with 1 − x = z²/(ν + z²) formed on its own (never as 1 − x).
/// Every quantity is carried as a second-order jet in ν (value, ∂/∂ν, ∂²/∂ν²): the prefactor x^a (1−x)^b/(a B(a, b))
/// in logs, log B(ν/2, ½) through the cancellation-free log Γ(ν/2 + ½) − log Γ(ν/2), and the fraction's terms, whose
/// derivatives converge with them. x and 1 − x come from log(z²/ν) and log1p(z²/ν), so |z| up to the largest double and
/// ν up to 1e300 stay finite; the fraction takes at most ~60 terms over that whole range (its switch point tracks
/// x ≈ 1 − z²/ν), and one that does not settle within <see cref="StudentTFractionTerms"/> gives NaN, never a truncated
/// value. For ν ≥ 30 and z² ≤ (e − 1)ν, where the fraction loses digits as x → 1, the lower tail comes from an
/// asymptotic expansion in 1/ν instead (<see cref="StudentTLogTailExpansion"/>). ν = +∞ is the normal: log Φ(z), with ν-derivatives 0 (their limit).
/// </remarks>
public static partial class Functions
{
    /// <summary>The continued fraction's term limit: the slowest point of the (ν, z) plane needs about 60.</summary>
    private const int StudentTFractionTerms = 1000;

    /// <summary>The fraction's convergence test: each factor within this of 1, and its ν-derivatives (scaled by ν, ν²) within it of 0.</summary>
    private const double StudentTFractionTolerance = 1e-16;

    /// <summary>log Γ(½) = ½ log π.</summary>
    private const double LogGammaHalf = 0.57236494292470008707171367567653;

    /// <summary>The asymptotic expansion of the t tail (<see cref="StudentTLogTailExpansion"/>) from this ν on.</summary>
    private const double StudentTExpansionFrom = 30;

    /// <summary>log(2√π).</summary>
    private const double LogTwoSqrtPi = 1.2655121234846453964889457971347;

    /// <summary>
    /// The Taylor coefficients c₀…c₁₆ of (sinh(t/2)/(t/2))^{−½} in t² (mpmath, 40 digits; c₁ = −1/48, c₂ = 1/2560).
    /// </summary>
    private static readonly double[] StudentTExpansion =
    [
        1.0, -0.020833333333333333333, 0.000390625, -7.8796709656084656085e-6, 1.6967665791721781305e-7,
        -3.8050641917219065657e-9, 8.7483775963154073041e-11, -2.0445233594119738176e-12, 4.8333517979677044083e-14,
        -1.1524341017673859239e-15, 2.7660520435993700423e-17, -6.6742819508916599512e-19, 1.6174550771815798882e-20,
        -3.9339779200913800155e-22, 9.5976340625860466913e-24, -2.3476902911626320648e-25, 5.7558703875442665868e-27,
    ];

    /// <summary>log π.</summary>
    private const double LogPi = 1.1447298858494001741434273513531;

    /// <summary>log F(z) of the standard Student t distribution with <paramref name="nu"/> degrees of freedom, accurate in both tails.</summary>
    /// <param name="nu">The degrees of freedom ν &gt; 0, or +∞ (the normal).</param>
    /// <param name="z">The standardized value.</param>
    /// <returns>log F(z; ν), ≤ 0; NaN for ν ≤ 0 or NaN.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double StudentTLogCdf(double nu, double z) => StudentTLogCdfJet(nu, z, out _).Value;

    /// <summary>∂ log F(z; ν)/∂ν at fixed z, the derivative in ν of <see cref="StudentTLogCdf"/>.</summary>
    /// <param name="nu">The degrees of freedom ν &gt; 0, or +∞.</param>
    /// <param name="z">The standardized value.</param>
    /// <returns>The derivative (0 at ν = +∞ and at z = 0).</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double StudentTLogCdfNu(double nu, double z) => StudentTLogCdfJet(nu, z, out _).First;

    /// <summary>∂² log F(z; ν)/∂ν² at fixed z.</summary>
    /// <param name="nu">The degrees of freedom ν &gt; 0, or +∞.</param>
    /// <param name="z">The standardized value.</param>
    /// <returns>The second derivative (0 at ν = +∞ and at z = 0).</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double StudentTLogCdfNu2(double nu, double z) => StudentTLogCdfJet(nu, z, out _).Second;

    /// <summary>
    /// r = f(z; ν)/F(z; ν), the derivative in z of <see cref="StudentTLogCdf"/>: in the lower tail from the incomplete
    /// beta's own pieces (no cancellation of log f against log F), elsewhere exp(log f − log F).
    /// </summary>
    /// <param name="nu">The degrees of freedom ν &gt; 0, or +∞.</param>
    /// <param name="z">The standardized value.</param>
    /// <returns>The ratio, positive (≈ ν/|z| far in the lower tail).</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double StudentTCdfRatio(double nu, double z)
    {
        if (nu == double.PositiveInfinity)
        {
            return NormalPdfRatio(z);
        }

        var logF = StudentTLogCdfJet(nu, z, out double logRatio);
        return double.IsNaN(logRatio) ? Math.Exp(StudentTLogDensityJet(nu, z).Value - logF.Value) : Math.Exp(logRatio);
    }

    /// <summary>∂r/∂z = r (∂ log f/∂z − r) with ∂ log f/∂z = −(ν + 1) z/(ν + z²) (−z at ν = +∞).</summary>
    /// <param name="nu">The degrees of freedom ν &gt; 0, or +∞.</param>
    /// <param name="z">The standardized value.</param>
    /// <returns>The derivative.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double StudentTCdfRatioZ(double nu, double z)
    {
        double r = StudentTCdfRatio(nu, z);
        return r * (StudentTLogDensityZ(nu, z) - r);
    }

    /// <summary>∂r/∂ν = ∂²log F/∂ν∂z = r (∂ log f/∂ν − ∂ log F/∂ν) at fixed z.</summary>
    /// <param name="nu">The degrees of freedom ν &gt; 0, or +∞.</param>
    /// <param name="z">The standardized value.</param>
    /// <returns>The mixed derivative (0 at ν = +∞).</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double StudentTCdfRatioNu(double nu, double z)
    {
        var logF = StudentTLogCdfJet(nu, z, out double logRatio);
        var logf = StudentTLogDensityJet(nu, z);
        return Math.Exp(double.IsNaN(logRatio) ? logf.Value - logF.Value : logRatio) * (logf.First - logF.First);
    }

    /// <summary>∂ log f(z; ν)/∂z = −(ν + 1) z/(ν + z²), −z at ν = +∞, without overflowing z².</summary>
    private static double StudentTLogDensityZ(double nu, double z)
    {
        if (nu == double.PositiveInfinity)
        {
            return -z;
        }

        // −(ν + 1)/(z + ν/z) beyond |z| = 1, where z² could overflow; the direct form inside.
        return Math.Abs(z) > 1 ? -(nu + 1) / (z + (nu / z)) : -(nu + 1) * z / (nu + (z * z));
    }

    /// <summary>log f(z; ν) of the standard t density as a jet in ν: log Γ((ν+1)/2) − log Γ(ν/2) − ½ log(νπ) − (ν+1)/2·log1p(z²/ν).</summary>
    internal static NuJet StudentTLogDensityJet(double nu, double z)
    {
        if (double.IsNaN(nu) || double.IsNaN(z) || !(nu > 0))
        {
            return NuJet.NaN;
        }

        if (nu == double.PositiveInfinity)
        {
            return NuJet.Constant((-0.5 * z * z) - LogSqrtTwoPi);
        }

        var v = NuJet.Variable(nu);
        var log1pW = StudentTLog1pW(nu, z, out _);
        return HalfLogGammaDifference(nu) - (0.5 * NuJet.Log(v)) - (0.5 * LogPi) - (0.5 * (v + 1) * log1pW);
    }

    /// <summary>
    /// log F(z; ν) as a jet in ν (see the class remarks), and in the lower tail log(f/F) formed without the two large
    /// logs (NaN elsewhere, where log f − log F does not cancel): log ν − log|z| − log(fraction), or from the expansion.
    /// The generated code asks for up to six pieces of one (ν, z) (the value, its ν-derivatives, the ratio and its
    /// derivatives; a vector kernel each lane of each): the last <see cref="PairCache{T}.Size"/> results of the thread are
    /// kept, keyed by the exact bits of (ν, z), so the fraction runs once per point; a hit is bit for bit a new evaluation.
    /// </summary>
    internal static NuJet StudentTLogCdfJet(double nu, double z, out double lowerTailLogRatio)
    {
        var cache = t_studentTCache ??= new PairCache<(NuJet LogCdf, double LowerTailLogRatio)>();
        if (!cache.TryGet(nu, z, out var result))
        {
            result.LogCdf = EvaluateStudentTLogCdf(nu, z, out result.LowerTailLogRatio);
            cache.Add(nu, z, result);
        }

        lowerTailLogRatio = result.LowerTailLogRatio;
        return result.LogCdf;
    }

    [ThreadStatic]
    private static PairCache<(NuJet LogCdf, double LowerTailLogRatio)>? t_studentTCache;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static NuJet EvaluateStudentTLogCdf(double nu, double z, out double lowerTailLogRatio)
    {
        lowerTailLogRatio = double.NaN;
        if (double.IsNaN(nu) || double.IsNaN(z) || !(nu > 0))
        {
            return NuJet.NaN;
        }

        if (nu == double.PositiveInfinity)
        {
            return NuJet.Constant(LogPhi(z));
        }

        if (z == 0)
        {
            return NuJet.Constant(-LogTwo);
        }

        if (double.IsInfinity(z))
        {
            return z > 0 ? NuJet.Constant(0) : new NuJet(double.NegativeInfinity, double.NaN, double.NaN);
        }

        // log x = −log1p(w), log(1 − x) = log w − log1p(w), w = z²/ν.
        var log1pW = StudentTLog1pW(nu, z, out var logW);
        var logX = -log1pW;
        var logY = logW - log1pW;
        var x = NuJet.Exp(logX);
        var y = NuJet.Exp(logY);
        var a = 0.5 * NuJet.Variable(nu);
        var half = NuJet.Constant(0.5);

        // The prefactor's common part: a log x + ½ log(1 − x) − log B(a, ½), log B(a, ½) = log Γ(½) − (log Γ(a + ½) − log Γ(a)).
        var common = (a * logX) + (0.5 * logY) - LogGammaHalf + HalfLogGammaDifference(nu);
        if (x.Value < (a.Value + 1) / (a.Value + 2.5))
        {
            // T = I_x(a, ½) = 2 F(−|z|): from its fraction, or for a large ν and z² ≤ (e − 1)ν (where the fraction's
            // 1 + aₘdₘ steps cancel as x → 1) from the asymptotic expansion.
            NuJet logT;
            double logRatio;
            if (nu >= StudentTExpansionFrom && log1pW.Value <= 1)
            {
                logT = StudentTLogTailExpansion(nu, log1pW, out logRatio);
            }
            else
            {
                var fraction = IncompleteBetaFraction(a, half, x);
                logT = common - NuJet.Log(a) + NuJet.Log(fraction);
                logRatio = Math.Log(nu) - Math.Log(Math.Abs(z)) - Math.Log(fraction.Value);
            }

            if (z < 0)
            {
                lowerTailLogRatio = logRatio;
            }

            return z < 0 ? logT - LogTwo : NuJet.Log1p(-0.5 * NuJet.Exp(logT));
        }

        // J = I_{1−x}(½, a) = 1 − T, from its fraction: F = (1 − J)/2 below 0, (1 + J)/2 above.
        var j = NuJet.Exp(common + LogTwo + NuJet.Log(IncompleteBetaFraction(half, a, y)));
        return (z < 0 ? NuJet.Log1p(-j) : NuJet.Log1p(j)) - LogTwo;
    }

    /// <summary>
    /// log I_x(ν/2, ½) for a large ν, v = −log x = log1p(z²/ν) ≤ 1 (Temme's and DiDonato &amp; Morris's expansion for a
    /// large first parameter): with x = e^−v the integral is ∫_v^∞ e^{−Tt} t^{−½} S(t) dt, T = ν/2 − ¼,
    /// S(t) = (sinh(t/2)/(t/2))^{−½} = Σ cₖ t^{2k}, so I = Σ cₖ Γ(½ + 2k, Tv)/(T^{½+2k} B(ν/2, ½)). With u = Tv and
    /// eⱼ = Γ(½ + j, u)/(Γ(½, u) Tʲ) (e₀ = 1, e_{j+1} = ((½ + j) eⱼ + vʲ u ρ)/T, ρ = e^−u/(√u Γ(½, u)) from the normal's
    /// Mills ratio), log I = log Γ(½, u) − log B − ½ log T + log Σ cₖ e_{2k}. The cₖ fall like (2π)^{−2k} and e_{2k} like
    /// v^{2k} (or (2k)!/T^{2k} for a small u), so 17 terms reach ε for v ≤ 1 and ν ≥ 30.
    /// </summary>
    private static NuJet StudentTLogTailExpansion(double nu, NuJet v, out double logRatio)
    {
        var t = (0.5 * NuJet.Variable(nu)) - 0.25;
        var u = t * v;

        // log Γ(½, u) = log(2√π) + log Φ(−√(2u)) with (d/du) = −ρ and (d²/du²) = ρ (1/(2u) + 1 − ρ); ρ′ = ρ (ρ − 1 − 1/(2u)).
        double root = Math.Sqrt(2 * u.Value);
        double rho = NormalPdfRatio(-root) / root;
        double inverseTwoU = 0.5 / u.Value;
        double rho1 = rho * (rho - 1 - inverseTwoU);
        double rho2 = (rho1 * (rho - 1 - inverseTwoU)) + (rho * (rho1 + (2 * inverseTwoU * inverseTwoU)));
        var logGamma = Chain(u, LogTwoSqrtPi + LogPhi(-root), -rho, rho * (inverseTwoU + 1 - rho));
        var uRho = u * Chain(u, rho, rho1, rho2);

        var e = NuJet.Constant(1);
        var power = NuJet.Constant(1);
        var sum = NuJet.Constant(StudentTExpansion[0]);
        for (int j = 0; j < 2 * (StudentTExpansion.Length - 1); j++)
        {
            e = (((0.5 + j) * e) + (power * uRho)) / t;
            power *= v;
            if ((j & 1) == 1)
            {
                sum += StudentTExpansion[(j + 1) / 2] * e;
            }
        }

        var logBeta = LogGammaHalf - HalfLogGammaDifference(nu);
        // log(f/F) of the lower tail: ½ log(2T/ν) − ¾ log1p(z²/ν) + log M − log Σ, M the Mills ratio φ(√(2u))/Φ(−√(2u))
        // (log f's −(ν + 1)/2·log1p(z²/ν) against log Γ(½, u)'s −u, u = (ν/2 − ¼) log1p(z²/ν), leaves −¾ log1p).
        logRatio = (0.5 * Math.Log(2 * t.Value / nu)) - (0.75 * v.Value) + Math.Log(NormalPdfRatio(-root)) - Math.Log(sum.Value);
        return logGamma - logBeta - (0.5 * NuJet.Log(t)) + NuJet.Log(sum);
    }

    /// <summary>g(u) as a jet from g's value and first two derivatives at u.Value.</summary>
    private static NuJet Chain(NuJet u, double g, double g1, double g2) =>
        new(g, g1 * u.First, (g2 * u.First * u.First) + (g1 * u.Second));

    /// <summary>log1p(w) and log w for w = z²/ν as jets in ν, formed from log|z| and log ν so that z² never overflows.</summary>
    private static NuJet StudentTLog1pW(double nu, double z, out NuJet logW)
    {
        logW = new NuJet((2 * Math.Log(Math.Abs(z))) - Math.Log(nu), -1 / nu, 1 / (nu * nu));

        // log1p(w) = log w + log1p(1/w) for w > 1, log1p(w) below: neither cancels.
        return logW.Value > 0 ? logW + NuJet.Log1p(NuJet.Exp(-logW)) : NuJet.Log1p(NuJet.Exp(logW));
    }

    /// <summary>log Γ(ν/2 + ½) − log Γ(ν/2) as a jet in ν, through the cancellation-free differences.</summary>
    private static NuJet HalfLogGammaDifference(double nu)
    {
        double a = 0.5 * nu;
        return new NuJet(LogGammaDifference(0.5, a), 0.5 * DigammaDifference(0.5, a), 0.25 * TrigammaDifference(0.5, a));
    }

    /// <summary>
    /// The continued fraction of I_x(a, b)·a B(a, b)/(xᵃ (1 − x)ᵇ) (modified Lentz), as a jet: stops when a factor and
    /// its ν-derivatives have settled, NaN when they do not within <see cref="StudentTFractionTerms"/> terms.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static NuJet IncompleteBetaFraction(NuJet a, NuJet b, NuJet x)
    {
        const double Tiny = 1e-300;
        double nuScale = 2 * (a.Value > b.Value ? a.Value : b.Value); // ν: one of a, b is ν/2
        var one = NuJet.Constant(1);
        var sum = a + b;
        var c = one;
        var d = NotTiny(one - (sum * x / (a + 1)), Tiny).Reciprocal();
        var h = d;
        for (int m = 1; m <= StudentTFractionTerms; m++)
        {
            var even = m * (b - m) * x / ((a + ((2 * m) - 1)) * (a + (2 * m)));
            d = NotTiny(one + (even * d), Tiny).Reciprocal();
            c = NotTiny(one + (even / c), Tiny);
            h *= d * c;
            var odd = -((a + m) * (sum + m) * x) / ((a + (2 * m)) * (a + ((2 * m) + 1)));
            d = NotTiny(one + (odd * d), Tiny).Reciprocal();
            c = NotTiny(one + (odd / c), Tiny);
            var factor = d * c;
            h *= factor;
            if (Math.Abs(factor.Value - 1) <= StudentTFractionTolerance
                && Math.Abs(factor.First * nuScale) <= StudentTFractionTolerance
                && Math.Abs(factor.Second * nuScale * nuScale) <= StudentTFractionTolerance)
            {
                return h;
            }
        }

        return NuJet.NaN;
    }

    private static NuJet NotTiny(NuJet u, double tiny) => Math.Abs(u.Value) < tiny ? new NuJet(tiny, u.First, u.Second) : u;
}

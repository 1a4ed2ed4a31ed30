using System;
using System.Runtime.CompilerServices;

namespace MleGen;

/// <summary>
/// log Γ(x) and ψ(x) of one argument, the shape terms of the beta, gamma and other families (scalar twins of the vector
/// lanes; VectorMath.LogGamma.Vector256.cs, .Vector512.cs). For 0 &lt; x &lt; ∞, per lane:
/// <list type="bullet">
/// <item>log Γ, x ≥ 10: Stirling, (x − ½)(log x − 1) + (½ log 2π − ½) + S(x), S the 8-term Bernoulli tail of
/// <see cref="LogGammaDifference(double, double)"/>;</item>
/// <item>log Γ, 3 ≤ x &lt; 10: the recurrence down to a = x − n ∈ [2, 3): log Γ(a) + log Πₖ (a + k) (positive terms, one log);</item>
/// <item>log Γ, 1 ≤ x &lt; 3: (x − 1)(x − 2)·G(x) with G = log Γ(x)/((x − 1)(x − 2)) a polynomial of degree 29 in x − 2
/// (x − 1 and x − 2 exact: the zeros at 1 and 2 come out with relative accuracy);</item>
/// <item>log Γ, x &lt; 1: (x − 1)·x·G(x + 1) − log x (G in s = x − 1, so x + 1 is never rounded);</item>
/// <item>ψ, x ≥ 10: log x − 1/(2x) − R(x) (the Bernoulli tail of <see cref="DigammaDifference(double, double)"/>);</item>
/// <item>ψ, 2 ≤ x &lt; 10: the recurrence down to a ∈ [2, 3): a polynomial of degree 17 in a − 2.5 plus Σₖ 1/(a + k) as one
/// fraction of positive terms;</item>
/// <item>ψ, 1 ≤ x &lt; 2: (x − x₀)·H(x), x₀ = 1.4616… the positive root (as a double and its remainder), H a polynomial of
/// degree 23 in x − 1.5 (relative accuracy at the root);</item>
/// <item>ψ, x &lt; 1: ψ(x + 1) − 1/x, ψ(x + 1) by the root form at x + 1 for x &lt; ½, by a polynomial of degree 15 in
/// x − 0.75 for ½ ≤ x &lt; 1.</item>
/// </list>
/// The polynomials interpolate at Chebyshev points (tests/data/reference/loggamma/coefficients.py, mpmath at 50 digits;
/// interpolation error below 2e-17 relative). Every other argument (x ≤ 0, ±0, NaN, +∞) gets MathNet's value
/// (<see cref="Functions.LogGamma"/>, <see cref="Functions.Digamma"/>, the same special values: the vector forms take
/// those lanes from the scalar function, by a branch taken only when a block has one). Accuracy against 50-digit mpmath:
/// docs/internals/simd.md and <c>LogGammaTests</c>.
/// </summary>
public static partial class VectorMath
{
    /// <summary>Stirling's series from this argument on.</summary>
    private const double LogGammaStirlingFrom = 10;

    /// <summary>½ log 2π − ½.</summary>
    private const double LogGammaStirlingConstant = 0.41893853320467274178032973640561764;

    private const double DigammaRootHi = 1.4616321449683622, DigammaRootLo = 9.549995429965697e-17;
    private static ReadOnlySpan<double> LogGammaG => [-2.0542420991550905e-10, 4.226016675377439e-10, 6.705737026247826e-10, -1.3764318718154119e-09, -2.372580625023415e-09, 4.885761922683655e-09, 3.613371593815743e-10, -6.830399052794191e-10, -1.2569945435720683e-08, 2.615457216445561e-08, -4.17254430301382e-08, 8.75360413423732e-08, -1.9252286332850674e-07, 4.0551922127948146e-07, -8.526588188526563e-07, 1.8074775340912791e-06, -3.847396648270243e-06, 8.222342452139818e-06, -1.766166422556033e-05, 3.8168863787885225e-05, -8.30951276372239e-05, 0.00018255264185594036, -0.00040570739742046497, 0.0009153769220696921, -0.002108130833958805, 0.004998641164703528, -0.012384192193371238, 0.03296500062115574, -0.10031730167435392, 0.42278433509846713];
    private static ReadOnlySpan<double> DigammaRoot => [-8.153978973309418e-05, 0.00012230983055406747, -6.11554261750751e-05, 9.173383289174792e-05, -0.0002178682145501451, 0.0003268068044141764, -0.0004599625144612576, 0.0006899717801166841, -0.001042261556504223, 0.0015635679757533885, -0.002344650082351321, 0.0035180800751066694, -0.00528001782089874, 0.007927024067961237, -0.011908215172584002, 0.017907248195969127, -0.02697579684427536, 0.04076083394462657, -0.06192213327165706, 0.09498872445283, -0.14840492305391761, 0.24054248424078736, -0.42362742128146047, 0.9510558760318328];
    private static ReadOnlySpan<double> DigammaTwoThree => [8.267815845287522e-08, -2.0687583795242883e-07, 4.2481223325063033e-07, -1.0640705254157975e-06, 2.7109965480846823e-06, -6.803232576993842e-06, 1.708891125596372e-05, -4.3052048513574485e-05, 0.00010882586435206692, -0.00027643930999581804, 0.0007073881640957325, -0.0018305640355441625, 0.004821409821419739, -0.013073166646180193, 0.03731764146954176, -0.11810202582086309, 0.49035775610023485, 0.7031566406452432];
    private static ReadOnlySpan<double> DigammaShifted => [0.00014041688227810719, -0.0002458275460917613, 0.0003953649222557599, -0.0006926146697711, 0.0012176583432372034, -0.0021365330128690833, 0.0037545457307817686, -0.006615170960549654, 0.011704661298083481, -0.02085699737618527, 0.037622164558173604, -0.06936680609467774, 0.1333915953146068, -0.2809462377984506, 0.7641018698938287, 0.24747245354686118];

    /// <summary>log Γ(x) (scalar twin of the vector lanes; MathNet's <c>GammaLn</c> outside 0 &lt; x &lt; ∞).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>log Γ(x); +∞ where it overflows (x above about 2.5e305).</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double LogGamma(double x)
    {
        if (!(x > 0 && x < double.PositiveInfinity))
        {
            return Functions.LogGamma(x);
        }

        if (x >= LogGammaStirlingFrom)
        {
            return Mad(x - 0.5, Log(x) - 1, LogGammaStirlingConstant + StirlingTail(1 / x));
        }

        if (x < 1)
        {
            double gs = Horner(LogGammaG, x - 1);
            return Mad(x - 1, x * gs, -Log(x));
        }

        double a = x, product = 1;
        while (a >= 3)
        {
            a -= 1;
            product *= a;
        }

        double g = Horner(LogGammaG, a - 2);
        return Mad((a - 1) * (a - 2), g, Log(product));
    }

    /// <summary>ψ(x) (scalar twin of the vector lanes; MathNet's <c>DiGamma</c> outside 0 &lt; x &lt; ∞).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>ψ(x); −∞ where 1/x overflows (x below about 5.6e-309).</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Digamma(double x)
    {
        if (!(x > 0 && x < double.PositiveInfinity))
        {
            return Functions.Digamma(x);
        }

        if (x >= LogGammaStirlingFrom)
        {
            double r = 1 / x;
            return Log(x) - Mad(r, 0.5, DigammaTail(r));
        }

        if (x < 1)
        {
            double shifted = x < 0.5 ? DigammaNearRoot(x + 1) : Horner(DigammaShifted, x - 0.75);
            return shifted - (1 / x);
        }

        if (x < 2)
        {
            return DigammaNearRoot(x);
        }

        double a = x, p = 0, q = 1;
        while (a >= 3)
        {
            a -= 1;
            p = Mad(p, a, q);
            q *= a;
        }

        return Horner(DigammaTwoThree, a - 2.5) + (p / q);
    }

    /// <summary>ψ(u) = (u − x₀)·H(u) for 1 ≤ u &lt; 2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double DigammaNearRoot(double u) => ((u - DigammaRootHi) - DigammaRootLo) * Horner(DigammaRoot, u - 1.5);

    /// <summary>Σ cₖ sⁿ⁻ᵏ by Horner's rule, highest degree first (as the vector lanes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Horner(ReadOnlySpan<double> c, double s)
    {
        double p = c[0];
        for (int i = 1; i < c.Length; i++)
        {
            p = Mad(p, s, c[i]);
        }

        return p;
    }
}

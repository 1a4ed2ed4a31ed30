using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace MleGen;

/// <summary>The constants and the scalar twins (the same operations, in the same order, as one vector lane).</summary>
public static partial class VectorMath
{
    // exp: x = n·ln 2 + r with |r| ≤ ½ ln 2, n·Ln2Hi exact (Ln2Hi has 32 significant bits, |n| ≤ 1076), then
    // eʳ by its Taylor polynomial of degree 13 (remainder < 2⁻⁵⁷ relative) and the scaling by 2ⁿ in two exact halves,
    // so that a subnormal result is rounded once. Beyond the clamps the result is 0 or +∞ by the scaling itself.
    private const double ExpLowest = -746, ExpHighest = 710;
    private const double Log2E = 1.4426950408889634;
    private const double Ln2Hi = 6.93147180369123816490e-01; // 0x3FE62E42FEE00000
    private const double Ln2Lo = 1.90821492927058770002e-10;

    /// <summary>1.5·2⁵²: adding it rounds to an integer, which then sits in the low bits of the representation.</summary>
    private const double Magic = 6755399441055744.0;

    private const double C2 = 1.0 / 2, C3 = 1.0 / 6, C4 = 1.0 / 24, C5 = 1.0 / 120, C6 = 1.0 / 720, C7 = 1.0 / 5040;
    private const double C8 = 1.0 / 40320, C9 = 1.0 / 362880, C10 = 1.0 / 3628800, C11 = 1.0 / 39916800;
    private const double C12 = 1.0 / 479001600, C13 = 1.0 / 6227020800;

    // log (fdlibm/musl): x = 2ᵏ·(1 + f) with 1 + f in [√2/2, √2), s = f/(2 + f), log(1 + f) = f − f²/2 + s(f²/2 + R(s²)).
    private const double Lg1 = 6.666666666666735130e-01, Lg2 = 3.999999999940941908e-01, Lg3 = 2.857142874366239149e-01;
    private const double Lg4 = 2.222219843214978396e-01, Lg5 = 1.818357216161805012e-01, Lg6 = 1.531383769920937332e-01;
    private const double Lg7 = 1.479819860511658591e-01;
    private const double Sqrt2 = 1.4142135623730951;
    private const double MinNormal = 2.2250738585072014E-308;
    private const double Two52 = 4503599627370496.0;
    private const ulong Two52Bits = 0x4330000000000000, OneBits = 0x3FF0000000000000, MantissaMask = 0x000FFFFFFFFFFFFF;

    /// <summary>eˣ (scalar twin of the vector lanes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Exp(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        double clamped = Math.Min(Math.Max(x, ExpLowest), ExpHighest);
        double n = Mad(clamped, Log2E, Magic) - Magic;
        double r = Mad(-n, Ln2Lo, Mad(-n, Ln2Hi, clamped));
        double p = Mad(Mad(Mad(Mad(Mad(Mad(Mad(Mad(Mad(Mad(Mad(Mad(C13, r, C12), r, C11), r, C10), r, C9), r, C8), r, C7), r, C6), r, C5), r, C4), r, C3), r, C2), r, 1);
        p = Mad(p, r, 1);
        double half = Math.Floor(n * 0.5);
        return p * PowerOfTwo(half) * PowerOfTwo(n - half);
    }

    /// <summary>log x (scalar twin of the vector lanes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Log(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (x < 0)
        {
            return double.NaN;
        }

        if (x == 0)
        {
            return double.NegativeInfinity;
        }

        if (x == double.PositiveInfinity)
        {
            return x;
        }

        bool subnormal = x < MinNormal;
        double scaled = subnormal ? x * Two52 : x;
        ulong bits = BitConverter.DoubleToUInt64Bits(scaled);
        double exponent = BitConverter.UInt64BitsToDouble((bits >> 52) | Two52Bits) - Two52;
        double m = BitConverter.UInt64BitsToDouble((bits & MantissaMask) | OneBits);
        bool upper = m > Sqrt2;
        m = upper ? m * 0.5 : m;
        double k = exponent - (subnormal ? 1075.0 : 1023.0) + (upper ? 1.0 : 0.0);
        return LogCore(m - 1, k, 0);
    }

    /// <summary>log(1 + x), accurate for small |x| (scalar twin of the vector lanes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Log1p(double x)
    {
        if (double.IsNaN(x) || x == 0 || x == double.PositiveInfinity)
        {
            return x;
        }

        if (x < -1)
        {
            return double.NaN;
        }

        if (x == -1)
        {
            return double.NegativeInfinity;
        }

        // u = 1 + x rounded, and its rounding error exactly (Knuth's two-sum); log(1 + x) = log u + error/u.
        double u = 1 + x;
        double back = u - 1;
        double correction = ((1 - (u - back)) + (x - back)) / u;
        ulong bits = BitConverter.DoubleToUInt64Bits(u);
        double exponent = BitConverter.UInt64BitsToDouble((bits >> 52) | Two52Bits) - Two52;
        double m = BitConverter.UInt64BitsToDouble((bits & MantissaMask) | OneBits);
        bool upper = m > Sqrt2;
        m = upper ? m * 0.5 : m;
        double k = exponent - 1023.0 + (upper ? 1.0 : 0.0);
        return LogCore(m - 1, k, correction);
    }

    /// <summary>log(1 + eˣ) as max(x, 0) + log1p(e^−|x|) (scalar twin of the vector lanes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Softplus(double x) => (x > 0 ? x : 0) + Log1p(Exp(-Math.Abs(x)));

    /// <summary>log σ(x) = −log(1 + e^−x) (scalar twin of the vector lanes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double LogSigmoid(double x) => -Softplus(-x);

    /// <summary>k·log 2 + log(1 + f) + c with the low-order parts added first (fdlibm's ordering).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double LogCore(double f, double k, double c)
    {
        double s = f / (2 + f);
        double z = s * s;
        double w = z * z;
        double t1 = w * Mad(w, Mad(w, Lg6, Lg4), Lg2);
        double t2 = z * Mad(w, Mad(w, Mad(w, Lg7, Lg5), Lg3), Lg1);
        double halfSquare = 0.5 * f * f;
        double low = Mad(s, halfSquare + (t2 + t1), Mad(k, Ln2Lo, c));
        return Mad(k, Ln2Hi, (low - halfSquare) + f);
    }

    /// <summary>2ᵏ for an integral k in [−1022, 1023].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double PowerOfTwo(double k) =>
        BitConverter.Int64BitsToDouble((BitConverter.DoubleToInt64Bits(k + Magic) + 1023) << 52);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Mad(double a, double b, double c) => Fma.IsSupported ? Math.FusedMultiplyAdd(a, b, c) : (a * b) + c;
}

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MleGen;

/// <summary>The functions over <see cref="Vector256{T}"/>: each lane as the scalar twin, without branches.</summary>
public static partial class VectorMath
{
    /// <summary>eˣ lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exp(Vector256<double> x)
    {
        Vector256<double> clamped = Vector256.MinNative(Vector256.MaxNative(x, Vector256.Create(ExpLowest)), Vector256.Create(ExpHighest));
        Vector256<double> magic = Vector256.Create(Magic);
        Vector256<double> n = Mad(clamped, Vector256.Create(Log2E), magic) - magic;
        Vector256<double> r = Mad(-n, Vector256.Create(Ln2Lo), Mad(-n, Vector256.Create(Ln2Hi), clamped));
        Vector256<double> p = Mad(Vector256.Create(C13), r, Vector256.Create(C12));
        p = Mad(p, r, Vector256.Create(C11));
        p = Mad(p, r, Vector256.Create(C10));
        p = Mad(p, r, Vector256.Create(C9));
        p = Mad(p, r, Vector256.Create(C8));
        p = Mad(p, r, Vector256.Create(C7));
        p = Mad(p, r, Vector256.Create(C6));
        p = Mad(p, r, Vector256.Create(C5));
        p = Mad(p, r, Vector256.Create(C4));
        p = Mad(p, r, Vector256.Create(C3));
        p = Mad(p, r, Vector256.Create(C2));
        p = Mad(p, r, Vector256<double>.One);
        p = Mad(p, r, Vector256<double>.One);
        Vector256<double> half = Vector256.Floor(n * 0.5);
        Vector256<double> result = p * PowerOfTwo(half) * PowerOfTwo(n - half);
        return Vector256.ConditionalSelect(Vector256.Equals(x, x), result, x);
    }

    /// <summary>log x lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Log(Vector256<double> x)
    {
        Vector256<double> subnormal = Vector256.LessThan(x, Vector256.Create(MinNormal));
        Vector256<double> scaled = Vector256.ConditionalSelect(subnormal, x * Two52, x);
        Vector256<double> bias = Vector256.ConditionalSelect(subnormal, Vector256.Create(1075.0), Vector256.Create(1023.0));
        Vector256<double> result = LogOfNormal(scaled, bias, Vector256<double>.Zero);
        result = Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256<double>.Zero), Vector256.Create(double.NaN), result);
        result = Vector256.ConditionalSelect(Vector256.Equals(x, Vector256<double>.Zero), Vector256.Create(double.NegativeInfinity), result);
        result = Vector256.ConditionalSelect(Vector256.Equals(x, Vector256.Create(double.PositiveInfinity)), x, result);
        return Vector256.ConditionalSelect(Vector256.Equals(x, x), result, x);
    }

    /// <summary>log(1 + x) lane by lane, accurate for small |x|.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Log1p(Vector256<double> x)
    {
        Vector256<double> one = Vector256<double>.One;
        Vector256<double> u = one + x;
        Vector256<double> back = u - one;
        Vector256<double> correction = ((one - (u - back)) + (x - back)) / u;
        Vector256<double> result = LogOfNormal(u, Vector256.Create(1023.0), correction);
        result = Vector256.ConditionalSelect(Vector256.LessThan(x, -one), Vector256.Create(double.NaN), result);
        result = Vector256.ConditionalSelect(Vector256.Equals(x, -one), Vector256.Create(double.NegativeInfinity), result);
        Vector256<double> unchanged = Vector256.Equals(x, Vector256<double>.Zero) | Vector256.Equals(x, Vector256.Create(double.PositiveInfinity)) | ~Vector256.Equals(x, x);
        return Vector256.ConditionalSelect(unchanged, x, result);
    }

    /// <summary>log(1 + eˣ) lane by lane, as max(x, 0) + log1p(e^−|x|).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Softplus(Vector256<double> x) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<double>.Zero), x, Vector256<double>.Zero) + Log1p(Exp(-Vector256.Abs(x)));

    /// <summary>log σ(x) = −log(1 + e^−x) lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> LogSigmoid(Vector256<double> x) => -Softplus(-x);

    /// <summary>log of a positive normal x (with its exponent bias) plus a correction c, as the scalar LogCore.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> LogOfNormal(Vector256<double> x, Vector256<double> bias, Vector256<double> c)
    {
        Vector256<ulong> bits = x.AsUInt64();
        Vector256<double> exponent = (Vector256.ShiftRightLogical(bits, 52) | Vector256.Create(Two52Bits)).AsDouble() - Vector256.Create(Two52);
        Vector256<double> m = ((bits & Vector256.Create(MantissaMask)) | Vector256.Create(OneBits)).AsDouble();
        Vector256<double> upper = Vector256.GreaterThan(m, Vector256.Create(Sqrt2));
        m = Vector256.ConditionalSelect(upper, m * 0.5, m);
        Vector256<double> k = (exponent - bias) + (upper & Vector256<double>.One);
        Vector256<double> f = m - Vector256<double>.One;
        Vector256<double> s = f / (Vector256.Create(2.0) + f);
        Vector256<double> z = s * s;
        Vector256<double> w = z * z;
        Vector256<double> t1 = w * Mad(w, Mad(w, Vector256.Create(Lg6), Vector256.Create(Lg4)), Vector256.Create(Lg2));
        Vector256<double> t2 = z * Mad(w, Mad(w, Mad(w, Vector256.Create(Lg7), Vector256.Create(Lg5)), Vector256.Create(Lg3)), Vector256.Create(Lg1));
        Vector256<double> halfSquare = 0.5 * f * f;
        Vector256<double> low = Mad(s, halfSquare + (t2 + t1), Mad(k, Vector256.Create(Ln2Lo), c));
        return Mad(k, Vector256.Create(Ln2Hi), (low - halfSquare) + f);
    }

    /// <summary>2ᵏ for integral lanes k in [−1022, 1023].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> PowerOfTwo(Vector256<double> k) =>
        Vector256.ShiftLeft((k + Vector256.Create(Magic)).AsInt64() + Vector256.Create(1023L), 52).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Mad(Vector256<double> a, Vector256<double> b, Vector256<double> c) =>
        Fma.IsSupported ? Vector256.FusedMultiplyAdd(a, b, c) : (a * b) + c;
}

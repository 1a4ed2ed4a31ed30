using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MleGen;

/// <summary>The functions over <see cref="Vector512{T}"/>: each lane as the scalar twin, without branches.</summary>
public static partial class VectorMath
{
    /// <summary>eˣ lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Exp(Vector512<double> x)
    {
        Vector512<double> clamped = Vector512.MinNative(Vector512.MaxNative(x, Vector512.Create(ExpLowest)), Vector512.Create(ExpHighest));
        Vector512<double> magic = Vector512.Create(Magic);
        Vector512<double> n = Mad(clamped, Vector512.Create(Log2E), magic) - magic;
        Vector512<double> r = Mad(-n, Vector512.Create(Ln2Lo), Mad(-n, Vector512.Create(Ln2Hi), clamped));
        Vector512<double> p = Mad(Vector512.Create(C13), r, Vector512.Create(C12));
        p = Mad(p, r, Vector512.Create(C11));
        p = Mad(p, r, Vector512.Create(C10));
        p = Mad(p, r, Vector512.Create(C9));
        p = Mad(p, r, Vector512.Create(C8));
        p = Mad(p, r, Vector512.Create(C7));
        p = Mad(p, r, Vector512.Create(C6));
        p = Mad(p, r, Vector512.Create(C5));
        p = Mad(p, r, Vector512.Create(C4));
        p = Mad(p, r, Vector512.Create(C3));
        p = Mad(p, r, Vector512.Create(C2));
        p = Mad(p, r, Vector512<double>.One);
        p = Mad(p, r, Vector512<double>.One);
        Vector512<double> half = Vector512.Floor(n * 0.5);
        Vector512<double> result = p * PowerOfTwo(half) * PowerOfTwo(n - half);
        return Vector512.ConditionalSelect(Vector512.Equals(x, x), result, x);
    }

    /// <summary>log x lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Log(Vector512<double> x)
    {
        Vector512<double> subnormal = Vector512.LessThan(x, Vector512.Create(MinNormal));
        Vector512<double> scaled = Vector512.ConditionalSelect(subnormal, x * Two52, x);
        Vector512<double> bias = Vector512.ConditionalSelect(subnormal, Vector512.Create(1075.0), Vector512.Create(1023.0));
        Vector512<double> result = LogOfNormal(scaled, bias, Vector512<double>.Zero);
        result = Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512<double>.Zero), Vector512.Create(double.NaN), result);
        result = Vector512.ConditionalSelect(Vector512.Equals(x, Vector512<double>.Zero), Vector512.Create(double.NegativeInfinity), result);
        result = Vector512.ConditionalSelect(Vector512.Equals(x, Vector512.Create(double.PositiveInfinity)), x, result);
        return Vector512.ConditionalSelect(Vector512.Equals(x, x), result, x);
    }

    /// <summary>log(1 + x) lane by lane, accurate for small |x|.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Log1p(Vector512<double> x)
    {
        Vector512<double> one = Vector512<double>.One;
        Vector512<double> u = one + x;
        Vector512<double> back = u - one;
        Vector512<double> correction = ((one - (u - back)) + (x - back)) / u;
        Vector512<double> result = LogOfNormal(u, Vector512.Create(1023.0), correction);
        result = Vector512.ConditionalSelect(Vector512.LessThan(x, -one), Vector512.Create(double.NaN), result);
        result = Vector512.ConditionalSelect(Vector512.Equals(x, -one), Vector512.Create(double.NegativeInfinity), result);
        Vector512<double> unchanged = Vector512.Equals(x, Vector512<double>.Zero) | Vector512.Equals(x, Vector512.Create(double.PositiveInfinity)) | ~Vector512.Equals(x, x);
        return Vector512.ConditionalSelect(unchanged, x, result);
    }

    /// <summary>log(1 + eˣ) lane by lane, as max(x, 0) + log1p(e^−|x|).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Softplus(Vector512<double> x) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<double>.Zero), x, Vector512<double>.Zero) + Log1p(Exp(-Vector512.Abs(x)));

    /// <summary>log σ(x) = −log(1 + e^−x) lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> LogSigmoid(Vector512<double> x) => -Softplus(-x);

    /// <summary>log of a positive normal x (with its exponent bias) plus a correction c, as the scalar LogCore.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> LogOfNormal(Vector512<double> x, Vector512<double> bias, Vector512<double> c)
    {
        Vector512<ulong> bits = x.AsUInt64();
        Vector512<double> exponent = (Vector512.ShiftRightLogical(bits, 52) | Vector512.Create(Two52Bits)).AsDouble() - Vector512.Create(Two52);
        Vector512<double> m = ((bits & Vector512.Create(MantissaMask)) | Vector512.Create(OneBits)).AsDouble();
        Vector512<double> upper = Vector512.GreaterThan(m, Vector512.Create(Sqrt2));
        m = Vector512.ConditionalSelect(upper, m * 0.5, m);
        Vector512<double> k = (exponent - bias) + (upper & Vector512<double>.One);
        Vector512<double> f = m - Vector512<double>.One;
        Vector512<double> s = f / (Vector512.Create(2.0) + f);
        Vector512<double> z = s * s;
        Vector512<double> w = z * z;
        Vector512<double> t1 = w * Mad(w, Mad(w, Vector512.Create(Lg6), Vector512.Create(Lg4)), Vector512.Create(Lg2));
        Vector512<double> t2 = z * Mad(w, Mad(w, Mad(w, Vector512.Create(Lg7), Vector512.Create(Lg5)), Vector512.Create(Lg3)), Vector512.Create(Lg1));
        Vector512<double> halfSquare = 0.5 * f * f;
        Vector512<double> low = Mad(s, halfSquare + (t2 + t1), Mad(k, Vector512.Create(Ln2Lo), c));
        return Mad(k, Vector512.Create(Ln2Hi), (low - halfSquare) + f);
    }

    /// <summary>2ᵏ for integral lanes k in [−1022, 1023].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> PowerOfTwo(Vector512<double> k) =>
        Vector512.ShiftLeft((k + Vector512.Create(Magic)).AsInt64() + Vector512.Create(1023L), 52).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Mad(Vector512<double> a, Vector512<double> b, Vector512<double> c) =>
        Fma.IsSupported ? Vector512.FusedMultiplyAdd(a, b, c) : (a * b) + c;
}

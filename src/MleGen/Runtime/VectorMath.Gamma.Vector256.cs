using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MleGen;

/// <summary>The log Γ and ψ differences over <see cref="Vector256{T}"/>: each lane as the scalar twin (VectorMath.Gamma.cs).</summary>
public static partial class VectorMath
{
    /// <summary>log Γ(y + φ) − log Γ(φ) lane by lane (see the scalar twin).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector256<double> LogGammaDifference(Vector256<double> y, Vector256<double> phi)
    {
        Vector256<double> core = GammaCore(y, phi);
        Vector256<double> small = core & SmallCount(y, phi);
        Vector256<double> general = core & ~small;
        Vector256<double> one = Vector256<double>.One;
        Vector256<double> result = Vector256<double>.Zero;
        if (small != Vector256<double>.Zero)
        {
            Vector256<double> product = one, k = Vector256<double>.Zero;
            for (Vector256<double> active = small & Vector256.LessThan(k, y); active != Vector256<double>.Zero; active = small & Vector256.LessThan(k, y))
            {
                product = Vector256.ConditionalSelect(active, product * (phi + k), product);
                k += one;
            }

            result = Log(product);
        }

        if (general != Vector256<double>.Zero)
        {
            Vector256<double> a = phi, numerator = one, denominator = one, shiftTo = Vector256.Create(GammaShiftTo);
            for (Vector256<double> active = general & Vector256.LessThan(a, shiftTo); active != Vector256<double>.Zero; active = general & Vector256.LessThan(a, shiftTo))
            {
                numerator = Vector256.ConditionalSelect(active, numerator * (a + y), numerator);
                denominator = Vector256.ConditionalSelect(active, denominator * a, denominator);
                a = Vector256.ConditionalSelect(active, a + one, a);
            }

            result = Vector256.ConditionalSelect(general, LogGammaDifferenceAsymptotic(y, a) - Log(numerator / denominator), result);
        }

        if (~core != Vector256<double>.Zero)
        {
            result = Vector256.ConditionalSelect(core, result, Outside(y, phi, digamma: false));
        }

        return result;
    }

    /// <summary>ψ(y + φ) − ψ(φ) lane by lane (see the scalar twin).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector256<double> DigammaDifference(Vector256<double> y, Vector256<double> phi)
    {
        Vector256<double> core = GammaCore(y, phi);
        Vector256<double> small = core & SmallCount(y, phi);
        Vector256<double> general = core & ~small;
        Vector256<double> one = Vector256<double>.One;
        Vector256<double> result = Vector256<double>.Zero;
        if (small != Vector256<double>.Zero)
        {
            Vector256<double> sp = Vector256<double>.Zero, sq = one, k = Vector256<double>.Zero;
            for (Vector256<double> active = small & Vector256.LessThan(k, y); active != Vector256<double>.Zero; active = small & Vector256.LessThan(k, y))
            {
                Vector256<double> c = phi + k;
                sp = Vector256.ConditionalSelect(active, Mad(sp, c, sq), sp);
                sq = Vector256.ConditionalSelect(active, sq * c, sq);
                k += one;
            }

            result = sp / sq;
        }

        if (general != Vector256<double>.Zero)
        {
            Vector256<double> a = phi, p = Vector256<double>.Zero, q = one, shiftTo = Vector256.Create(GammaShiftTo);
            for (Vector256<double> active = general & Vector256.LessThan(a, shiftTo); active != Vector256<double>.Zero; active = general & Vector256.LessThan(a, shiftTo))
            {
                Vector256<double> b = a * (a + y);
                p = Vector256.ConditionalSelect(active, Mad(p, b, y * q), p);
                q = Vector256.ConditionalSelect(active, q * b, q);
                a = Vector256.ConditionalSelect(active, a + one, a);
            }

            result = Vector256.ConditionalSelect(general, DigammaDifferenceAsymptotic(y, a) + (p / q), result);
        }

        if (~core != Vector256<double>.Zero)
        {
            result = Vector256.ConditionalSelect(core, result, Outside(y, phi, digamma: true));
        }

        return result;
    }

    /// <summary>The lanes in the range of the shift and the series (as <c>IsGammaCore</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> GammaCore(Vector256<double> y, Vector256<double> phi)
    {
        Vector256<double> infinity = Vector256.Create(double.PositiveInfinity);
        Vector256<double> shiftTo = Vector256.Create(GammaShiftTo);
        return Vector256.GreaterThanOrEqual(y, Vector256<double>.Zero) & Vector256.LessThan(y, infinity)
            & Vector256.GreaterThanOrEqual(phi, Vector256.Create(GammaSmallestDispersion)) & Vector256.LessThan(phi, infinity)
            & (Vector256.GreaterThanOrEqual(phi, shiftTo) | Vector256.LessThanOrEqual(y, Vector256.Create(GammaLargestShiftedCount)));
    }

    /// <summary>The lanes of a count y ≤ 16 with φ &lt; 10 (as <c>IsSmallCount</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> SmallCount(Vector256<double> y, Vector256<double> phi) =>
        Vector256.LessThan(phi, Vector256.Create(GammaShiftTo)) & Vector256.LessThanOrEqual(y, Vector256.Create(GammaSmallCount))
        & Vector256.Equals(y, Vector256.Floor(y));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> LogGammaDifferenceAsymptotic(Vector256<double> y, Vector256<double> a)
    {
        Vector256<double> one = Vector256<double>.One;
        Vector256<double> ra = one / a, z = a + y, rz = one / z;
        Vector256<double> t = y * ra;
        Vector256<double> l = Log1p(t);
        Vector256<double> stirling = StirlingTail(rz) - StirlingTail(ra);
        return Mad(y, Log(a), Mad(a, l - t, Mad(y - Vector256.Create(0.5), l, stirling)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> DigammaDifferenceAsymptotic(Vector256<double> y, Vector256<double> a)
    {
        Vector256<double> one = Vector256<double>.One;
        Vector256<double> ra = one / a, z = a + y, rz = one / z;
        Vector256<double> t = y * ra;
        return Log1p(t) + Mad(Vector256.Create(0.5) * t, rz, DigammaTail(ra) - DigammaTail(rz));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> StirlingTail(Vector256<double> r)
    {
        Vector256<double> w = r * r;
        Vector256<double> p = Mad(Vector256.Create(S8), w, Vector256.Create(S7));
        p = Mad(p, w, Vector256.Create(S6));
        p = Mad(p, w, Vector256.Create(S5));
        p = Mad(p, w, Vector256.Create(S4));
        p = Mad(p, w, Vector256.Create(S3));
        p = Mad(p, w, Vector256.Create(S2));
        p = Mad(p, w, Vector256.Create(S1));
        return r * p;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> DigammaTail(Vector256<double> r)
    {
        Vector256<double> w = r * r;
        Vector256<double> p = Mad(Vector256.Create(R8), w, Vector256.Create(R7));
        p = Mad(p, w, Vector256.Create(R6));
        p = Mad(p, w, Vector256.Create(R5));
        p = Mad(p, w, Vector256.Create(R4));
        p = Mad(p, w, Vector256.Create(R3));
        p = Mad(p, w, Vector256.Create(R2));
        p = Mad(p, w, Vector256.Create(R1));
        return w * p;
    }

    /// <summary>The lanes outside the core by the scalar form (rare: NaN, ∞, y &lt; 0, φ &lt; 1e-100, y &gt; 1e15 with φ &lt; 10).</summary>
    private static Vector256<double> Outside(Vector256<double> y, Vector256<double> phi, bool digamma) =>
        Vector256.Create(GammaOutside(digamma, y.GetElement(0), phi.GetElement(0)), GammaOutside(digamma, y.GetElement(1), phi.GetElement(1)), GammaOutside(digamma, y.GetElement(2), phi.GetElement(2)), GammaOutside(digamma, y.GetElement(3), phi.GetElement(3)));
}

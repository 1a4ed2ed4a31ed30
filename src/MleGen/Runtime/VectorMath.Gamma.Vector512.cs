using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MleGen;

/// <summary>The log Γ and ψ differences over <see cref="Vector512{T}"/>: each lane as the scalar twin (VectorMath.Gamma.cs).</summary>
public static partial class VectorMath
{
    /// <summary>log Γ(y + φ) − log Γ(φ) lane by lane (see the scalar twin).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector512<double> LogGammaDifference(Vector512<double> y, Vector512<double> phi)
    {
        Vector512<double> core = GammaCore(y, phi);
        Vector512<double> small = core & SmallCount(y, phi);
        Vector512<double> general = core & ~small;
        Vector512<double> one = Vector512<double>.One;
        Vector512<double> result = Vector512<double>.Zero;
        if (small != Vector512<double>.Zero)
        {
            Vector512<double> product = one, k = Vector512<double>.Zero;
            for (Vector512<double> active = small & Vector512.LessThan(k, y); active != Vector512<double>.Zero; active = small & Vector512.LessThan(k, y))
            {
                product = Vector512.ConditionalSelect(active, product * (phi + k), product);
                k += one;
            }

            result = Log(product);
        }

        if (general != Vector512<double>.Zero)
        {
            Vector512<double> a = phi, numerator = one, denominator = one, shiftTo = Vector512.Create(GammaShiftTo);
            for (Vector512<double> active = general & Vector512.LessThan(a, shiftTo); active != Vector512<double>.Zero; active = general & Vector512.LessThan(a, shiftTo))
            {
                numerator = Vector512.ConditionalSelect(active, numerator * (a + y), numerator);
                denominator = Vector512.ConditionalSelect(active, denominator * a, denominator);
                a = Vector512.ConditionalSelect(active, a + one, a);
            }

            result = Vector512.ConditionalSelect(general, LogGammaDifferenceAsymptotic(y, a) - Log(numerator / denominator), result);
        }

        if (~core != Vector512<double>.Zero)
        {
            result = Vector512.ConditionalSelect(core, result, Outside(y, phi, digamma: false));
        }

        return result;
    }

    /// <summary>ψ(y + φ) − ψ(φ) lane by lane (see the scalar twin).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector512<double> DigammaDifference(Vector512<double> y, Vector512<double> phi)
    {
        Vector512<double> core = GammaCore(y, phi);
        Vector512<double> small = core & SmallCount(y, phi);
        Vector512<double> general = core & ~small;
        Vector512<double> one = Vector512<double>.One;
        Vector512<double> result = Vector512<double>.Zero;
        if (small != Vector512<double>.Zero)
        {
            Vector512<double> sp = Vector512<double>.Zero, sq = one, k = Vector512<double>.Zero;
            for (Vector512<double> active = small & Vector512.LessThan(k, y); active != Vector512<double>.Zero; active = small & Vector512.LessThan(k, y))
            {
                Vector512<double> c = phi + k;
                sp = Vector512.ConditionalSelect(active, Mad(sp, c, sq), sp);
                sq = Vector512.ConditionalSelect(active, sq * c, sq);
                k += one;
            }

            result = sp / sq;
        }

        if (general != Vector512<double>.Zero)
        {
            Vector512<double> a = phi, p = Vector512<double>.Zero, q = one, shiftTo = Vector512.Create(GammaShiftTo);
            for (Vector512<double> active = general & Vector512.LessThan(a, shiftTo); active != Vector512<double>.Zero; active = general & Vector512.LessThan(a, shiftTo))
            {
                Vector512<double> b = a * (a + y);
                p = Vector512.ConditionalSelect(active, Mad(p, b, y * q), p);
                q = Vector512.ConditionalSelect(active, q * b, q);
                a = Vector512.ConditionalSelect(active, a + one, a);
            }

            result = Vector512.ConditionalSelect(general, DigammaDifferenceAsymptotic(y, a) + (p / q), result);
        }

        if (~core != Vector512<double>.Zero)
        {
            result = Vector512.ConditionalSelect(core, result, Outside(y, phi, digamma: true));
        }

        return result;
    }

    /// <summary>The lanes in the range of the shift and the series (as <c>IsGammaCore</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> GammaCore(Vector512<double> y, Vector512<double> phi)
    {
        Vector512<double> infinity = Vector512.Create(double.PositiveInfinity);
        Vector512<double> shiftTo = Vector512.Create(GammaShiftTo);
        return Vector512.GreaterThanOrEqual(y, Vector512<double>.Zero) & Vector512.LessThan(y, infinity)
            & Vector512.GreaterThanOrEqual(phi, Vector512.Create(GammaSmallestDispersion)) & Vector512.LessThan(phi, infinity)
            & (Vector512.GreaterThanOrEqual(phi, shiftTo) | Vector512.LessThanOrEqual(y, Vector512.Create(GammaLargestShiftedCount)));
    }

    /// <summary>The lanes of a count y ≤ 16 with φ &lt; 10 (as <c>IsSmallCount</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> SmallCount(Vector512<double> y, Vector512<double> phi) =>
        Vector512.LessThan(phi, Vector512.Create(GammaShiftTo)) & Vector512.LessThanOrEqual(y, Vector512.Create(GammaSmallCount))
        & Vector512.Equals(y, Vector512.Floor(y));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> LogGammaDifferenceAsymptotic(Vector512<double> y, Vector512<double> a)
    {
        Vector512<double> one = Vector512<double>.One;
        Vector512<double> ra = one / a, z = a + y, rz = one / z;
        Vector512<double> t = y * ra;
        Vector512<double> l = Log1p(t);
        Vector512<double> stirling = StirlingTail(rz) - StirlingTail(ra);
        return Mad(y, Log(a), Mad(a, l - t, Mad(y - Vector512.Create(0.5), l, stirling)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> DigammaDifferenceAsymptotic(Vector512<double> y, Vector512<double> a)
    {
        Vector512<double> one = Vector512<double>.One;
        Vector512<double> ra = one / a, z = a + y, rz = one / z;
        Vector512<double> t = y * ra;
        return Log1p(t) + Mad(Vector512.Create(0.5) * t, rz, DigammaTail(ra) - DigammaTail(rz));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> StirlingTail(Vector512<double> r)
    {
        Vector512<double> w = r * r;
        Vector512<double> p = Mad(Vector512.Create(S8), w, Vector512.Create(S7));
        p = Mad(p, w, Vector512.Create(S6));
        p = Mad(p, w, Vector512.Create(S5));
        p = Mad(p, w, Vector512.Create(S4));
        p = Mad(p, w, Vector512.Create(S3));
        p = Mad(p, w, Vector512.Create(S2));
        p = Mad(p, w, Vector512.Create(S1));
        return r * p;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> DigammaTail(Vector512<double> r)
    {
        Vector512<double> w = r * r;
        Vector512<double> p = Mad(Vector512.Create(R8), w, Vector512.Create(R7));
        p = Mad(p, w, Vector512.Create(R6));
        p = Mad(p, w, Vector512.Create(R5));
        p = Mad(p, w, Vector512.Create(R4));
        p = Mad(p, w, Vector512.Create(R3));
        p = Mad(p, w, Vector512.Create(R2));
        p = Mad(p, w, Vector512.Create(R1));
        return w * p;
    }

    /// <summary>The lanes outside the core by the scalar form (rare: NaN, ∞, y &lt; 0, φ &lt; 1e-100, y &gt; 1e15 with φ &lt; 10).</summary>
    private static Vector512<double> Outside(Vector512<double> y, Vector512<double> phi, bool digamma) =>
        Vector512.Create(GammaOutside(digamma, y.GetElement(0), phi.GetElement(0)), GammaOutside(digamma, y.GetElement(1), phi.GetElement(1)), GammaOutside(digamma, y.GetElement(2), phi.GetElement(2)), GammaOutside(digamma, y.GetElement(3), phi.GetElement(3)),
            GammaOutside(digamma, y.GetElement(4), phi.GetElement(4)), GammaOutside(digamma, y.GetElement(5), phi.GetElement(5)), GammaOutside(digamma, y.GetElement(6), phi.GetElement(6)), GammaOutside(digamma, y.GetElement(7), phi.GetElement(7)));
}

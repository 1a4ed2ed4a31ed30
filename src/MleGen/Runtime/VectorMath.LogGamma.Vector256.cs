using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MleGen;

/// <summary>log Γ and ψ of one argument over <see cref="Vector256{T}"/>: each lane as the scalar twin (VectorMath.LogGamma.cs).</summary>
public static partial class VectorMath
{
    /// <summary>log Γ(x) lane by lane (see the scalar twin).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector256<double> LogGamma(Vector256<double> x)
    {
        Vector256<double> one = Vector256<double>.One;
        Vector256<double> core = Vector256.GreaterThan(x, Vector256<double>.Zero) & Vector256.LessThan(x, Vector256.Create(double.PositiveInfinity));
        Vector256<double> big = Vector256.GreaterThanOrEqual(x, Vector256.Create(LogGammaStirlingFrom));
        Vector256<double> small = Vector256.LessThan(x, one);

        // The recurrence down to [2, 3) for 3 ≤ x < 10; a lane that is done is not changed.
        Vector256<double> a = x, product = one, three = Vector256.Create(3.0);
        for (Vector256<double> active = Vector256.GreaterThanOrEqual(a, three) & ~big; active != Vector256<double>.Zero; active = Vector256.GreaterThanOrEqual(a, three) & ~big)
        {
            a = Vector256.ConditionalSelect(active, a - one, a);
            product = Vector256.ConditionalSelect(active, product * a, product);
        }

        Vector256<double> log = Log(Vector256.ConditionalSelect(small | big, x, product));
        Vector256<double> result = Vector256<double>.Zero;
        if ((core & ~big) != Vector256<double>.Zero)
        {
            Vector256<double> two = Vector256.Create(2.0);
            Vector256<double> g = Horner(LogGammaG, Vector256.ConditionalSelect(small, x - one, a - two));
            Vector256<double> below = Mad(x - one, x * g, -log);
            Vector256<double> within = Mad((a - one) * (a - two), g, log);
            result = Vector256.ConditionalSelect(small, below, within);
        }

        if ((core & big) != Vector256<double>.Zero)
        {
            Vector256<double> stirling = Mad(x - Vector256.Create(0.5), log - one, Vector256.Create(LogGammaStirlingConstant) + StirlingTail(one / x));
            result = Vector256.ConditionalSelect(big, stirling, result);
        }

        if (~core != Vector256<double>.Zero)
        {
            result = Vector256.ConditionalSelect(core, result, OutsideLanes(x, digamma: false));
        }

        return result;
    }

    /// <summary>ψ(x) lane by lane (see the scalar twin).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector256<double> Digamma(Vector256<double> x)
    {
        Vector256<double> one = Vector256<double>.One, half = Vector256.Create(0.5), two = Vector256.Create(2.0);
        Vector256<double> core = Vector256.GreaterThan(x, Vector256<double>.Zero) & Vector256.LessThan(x, Vector256.Create(double.PositiveInfinity));
        Vector256<double> big = Vector256.GreaterThanOrEqual(x, Vector256.Create(LogGammaStirlingFrom));
        Vector256<double> small = Vector256.LessThan(x, one);
        Vector256<double> twoThree = Vector256.GreaterThanOrEqual(x, two) & ~big;
        Vector256<double> nearRoot = (Vector256.GreaterThanOrEqual(x, one) & Vector256.LessThan(x, two)) | Vector256.LessThan(x, half);
        Vector256<double> shifted = small & ~nearRoot;
        Vector256<double> result = Vector256<double>.Zero;
        if ((core & nearRoot) != Vector256<double>.Zero)
        {
            Vector256<double> u = Vector256.ConditionalSelect(small, x + one, x);
            result = ((u - Vector256.Create(DigammaRootHi)) - Vector256.Create(DigammaRootLo)) * Horner(DigammaRoot, u - Vector256.Create(1.5));
        }

        if ((core & shifted) != Vector256<double>.Zero)
        {
            result = Vector256.ConditionalSelect(shifted, Horner(DigammaShifted, x - Vector256.Create(0.75)), result);
        }

        if ((core & twoThree) != Vector256<double>.Zero)
        {
            // The recurrence down to [2, 3), Σ 1/a as the fraction p/q of positive terms.
            Vector256<double> a = x, p = Vector256<double>.Zero, q = one, three = Vector256.Create(3.0);
            for (Vector256<double> active = Vector256.GreaterThanOrEqual(a, three) & ~big; active != Vector256<double>.Zero; active = Vector256.GreaterThanOrEqual(a, three) & ~big)
            {
                a = Vector256.ConditionalSelect(active, a - one, a);
                p = Vector256.ConditionalSelect(active, Mad(p, a, q), p);
                q = Vector256.ConditionalSelect(active, q * a, q);
            }

            result = Vector256.ConditionalSelect(twoThree, Horner(DigammaTwoThree, a - Vector256.Create(2.5)) + (p / q), result);
        }

        result = Vector256.ConditionalSelect(small, result - (one / x), result);
        if ((core & big) != Vector256<double>.Zero)
        {
            Vector256<double> r = one / x;
            result = Vector256.ConditionalSelect(big, Log(x) - Mad(r, half, DigammaTail(r)), result);
        }

        if (~core != Vector256<double>.Zero)
        {
            result = Vector256.ConditionalSelect(core, result, OutsideLanes(x, digamma: true));
        }

        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Horner(ReadOnlySpan<double> c, Vector256<double> s)
    {
        Vector256<double> p = Vector256.Create(c[0]);
        for (int i = 1; i < c.Length; i++)
        {
            p = Mad(p, s, Vector256.Create(c[i]));
        }

        return p;
    }

    /// <summary>The lanes outside 0 &lt; x &lt; ∞ by MathNet's function (rare: taken only when a block has one), by constant index.</summary>
    private static Vector256<double> OutsideLanes(Vector256<double> x, bool digamma) => digamma
        ? Vector256.Create(Functions.Digamma(x.GetElement(0)), Functions.Digamma(x.GetElement(1)), Functions.Digamma(x.GetElement(2)), Functions.Digamma(x.GetElement(3)))
        : Vector256.Create(Functions.LogGamma(x.GetElement(0)), Functions.LogGamma(x.GetElement(1)), Functions.LogGamma(x.GetElement(2)), Functions.LogGamma(x.GetElement(3)));
}

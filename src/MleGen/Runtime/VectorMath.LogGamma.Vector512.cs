using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MleGen;

/// <summary>log Γ and ψ of one argument over <see cref="Vector512{T}"/>: each lane as the scalar twin (VectorMath.LogGamma.cs).</summary>
public static partial class VectorMath
{
    /// <summary>log Γ(x) lane by lane (see the scalar twin).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector512<double> LogGamma(Vector512<double> x)
    {
        Vector512<double> one = Vector512<double>.One;
        Vector512<double> core = Vector512.GreaterThan(x, Vector512<double>.Zero) & Vector512.LessThan(x, Vector512.Create(double.PositiveInfinity));
        Vector512<double> big = Vector512.GreaterThanOrEqual(x, Vector512.Create(LogGammaStirlingFrom));
        Vector512<double> small = Vector512.LessThan(x, one);

        // The recurrence down to [2, 3) for 3 ≤ x < 10; a lane that is done is not changed.
        Vector512<double> a = x, product = one, three = Vector512.Create(3.0);
        for (Vector512<double> active = Vector512.GreaterThanOrEqual(a, three) & ~big; active != Vector512<double>.Zero; active = Vector512.GreaterThanOrEqual(a, three) & ~big)
        {
            a = Vector512.ConditionalSelect(active, a - one, a);
            product = Vector512.ConditionalSelect(active, product * a, product);
        }

        Vector512<double> log = Log(Vector512.ConditionalSelect(small | big, x, product));
        Vector512<double> result = Vector512<double>.Zero;
        if ((core & ~big) != Vector512<double>.Zero)
        {
            Vector512<double> two = Vector512.Create(2.0);
            Vector512<double> g = Horner(LogGammaG, Vector512.ConditionalSelect(small, x - one, a - two));
            Vector512<double> below = Mad(x - one, x * g, -log);
            Vector512<double> within = Mad((a - one) * (a - two), g, log);
            result = Vector512.ConditionalSelect(small, below, within);
        }

        if ((core & big) != Vector512<double>.Zero)
        {
            Vector512<double> stirling = Mad(x - Vector512.Create(0.5), log - one, Vector512.Create(LogGammaStirlingConstant) + StirlingTail(one / x));
            result = Vector512.ConditionalSelect(big, stirling, result);
        }

        if (~core != Vector512<double>.Zero)
        {
            result = Vector512.ConditionalSelect(core, result, OutsideLanes(x, digamma: false));
        }

        return result;
    }

    /// <summary>ψ(x) lane by lane (see the scalar twin).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector512<double> Digamma(Vector512<double> x)
    {
        Vector512<double> one = Vector512<double>.One, half = Vector512.Create(0.5), two = Vector512.Create(2.0);
        Vector512<double> core = Vector512.GreaterThan(x, Vector512<double>.Zero) & Vector512.LessThan(x, Vector512.Create(double.PositiveInfinity));
        Vector512<double> big = Vector512.GreaterThanOrEqual(x, Vector512.Create(LogGammaStirlingFrom));
        Vector512<double> small = Vector512.LessThan(x, one);
        Vector512<double> twoThree = Vector512.GreaterThanOrEqual(x, two) & ~big;
        Vector512<double> nearRoot = (Vector512.GreaterThanOrEqual(x, one) & Vector512.LessThan(x, two)) | Vector512.LessThan(x, half);
        Vector512<double> shifted = small & ~nearRoot;
        Vector512<double> result = Vector512<double>.Zero;
        if ((core & nearRoot) != Vector512<double>.Zero)
        {
            Vector512<double> u = Vector512.ConditionalSelect(small, x + one, x);
            result = ((u - Vector512.Create(DigammaRootHi)) - Vector512.Create(DigammaRootLo)) * Horner(DigammaRoot, u - Vector512.Create(1.5));
        }

        if ((core & shifted) != Vector512<double>.Zero)
        {
            result = Vector512.ConditionalSelect(shifted, Horner(DigammaShifted, x - Vector512.Create(0.75)), result);
        }

        if ((core & twoThree) != Vector512<double>.Zero)
        {
            // The recurrence down to [2, 3), Σ 1/a as the fraction p/q of positive terms.
            Vector512<double> a = x, p = Vector512<double>.Zero, q = one, three = Vector512.Create(3.0);
            for (Vector512<double> active = Vector512.GreaterThanOrEqual(a, three) & ~big; active != Vector512<double>.Zero; active = Vector512.GreaterThanOrEqual(a, three) & ~big)
            {
                a = Vector512.ConditionalSelect(active, a - one, a);
                p = Vector512.ConditionalSelect(active, Mad(p, a, q), p);
                q = Vector512.ConditionalSelect(active, q * a, q);
            }

            result = Vector512.ConditionalSelect(twoThree, Horner(DigammaTwoThree, a - Vector512.Create(2.5)) + (p / q), result);
        }

        result = Vector512.ConditionalSelect(small, result - (one / x), result);
        if ((core & big) != Vector512<double>.Zero)
        {
            Vector512<double> r = one / x;
            result = Vector512.ConditionalSelect(big, Log(x) - Mad(r, half, DigammaTail(r)), result);
        }

        if (~core != Vector512<double>.Zero)
        {
            result = Vector512.ConditionalSelect(core, result, OutsideLanes(x, digamma: true));
        }

        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Horner(ReadOnlySpan<double> c, Vector512<double> s)
    {
        Vector512<double> p = Vector512.Create(c[0]);
        for (int i = 1; i < c.Length; i++)
        {
            p = Mad(p, s, Vector512.Create(c[i]));
        }

        return p;
    }

    /// <summary>The lanes outside 0 &lt; x &lt; ∞ by MathNet's function (rare: taken only when a block has one), by constant index.</summary>
    private static Vector512<double> OutsideLanes(Vector512<double> x, bool digamma) => digamma
        ? Vector512.Create(
            Functions.Digamma(x.GetElement(0)),
            Functions.Digamma(x.GetElement(1)),
            Functions.Digamma(x.GetElement(2)),
            Functions.Digamma(x.GetElement(3)),
            Functions.Digamma(x.GetElement(4)),
            Functions.Digamma(x.GetElement(5)),
            Functions.Digamma(x.GetElement(6)),
            Functions.Digamma(x.GetElement(7)))
        : Vector512.Create(
            Functions.LogGamma(x.GetElement(0)),
            Functions.LogGamma(x.GetElement(1)),
            Functions.LogGamma(x.GetElement(2)),
            Functions.LogGamma(x.GetElement(3)),
            Functions.LogGamma(x.GetElement(4)),
            Functions.LogGamma(x.GetElement(5)),
            Functions.LogGamma(x.GetElement(6)),
            Functions.LogGamma(x.GetElement(7)));
}

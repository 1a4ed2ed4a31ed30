using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MleGen;

/// <summary>
/// The negative binomial's expected dispersion information over vector lanes (the φφ entry of the expected information,
/// one observation a lane): I(μ, φ) = E[ψ′(φ) − ψ′(Y + φ)] − μ/(φ(φ + μ)), the expectation summed over the pmf,
/// Σ_j p(j)·T(j) with T(j) = Σ_{k&lt;j} 1/(φ + k)² and p(j + 1) = p(j)·(j + φ)/(j + 1)·q, q = μ/(φ + μ) — every term
/// positive. A lane stops adding when a bound on the rest of its sum, (T(j + 1) + 1/(φ + j))·p(j + 1)/(1 − r) with r the
/// larger of the next ratio and q (the ratios fall toward q for φ ≥ 1, rise toward it below), is below 1e-17 of its sum;
/// the loop ends when every lane has stopped. Lanes outside the series' domain — μ or φ not positive and finite (NaN,
/// 0, ∞), log P(Y = 0) below −700 (the bulk far from 0), a bulk wider than the scalar series' budget — take
/// <see cref="Functions.NegativeBinomialDispersionInformationBySurvival"/>, the survival-function form, by a branch taken only
/// when a block has such a lane. Each lane is a function of its own μ and φ (a stopped lane's sum no longer changes),
/// <see cref="NegativeBinomialDispersionInformationLane"/> computes the same bits — it is the scalar kernels'
/// <see cref="Functions.NegativeBinomialDispersionInformation"/> — and the survival form's to rounding where both are
/// accurate (NegativeBinomialInformationKernelTests).
/// </summary>
public static partial class VectorKernels
{
    /// <summary>A rest below this fraction of a lane's sum is below its rounding.</summary>
    private const double DispersionInformationNegligible = 1e-17;

    /// <summary>The scalar series' budget (<c>Functions.SeriesBudget</c>): wider bulks take its integral.</summary>
    private const double DispersionInformationBudget = 200_000;

    /// <summary>The most terms a lane sums (as the scalar series); a lane not done by then takes the scalar function.</summary>
    private const int DispersionInformationTerms = 2 * (int)DispersionInformationBudget;

    /// <summary>The negative binomial's expected dispersion information of 4 lanes (see the class remarks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector256<double> NegativeBinomialDispersionInformation(Vector256<double> mean, Vector256<double> dispersion)
    {
        Vector256<double> one = Vector256<double>.One, zero = Vector256<double>.Zero, infinity = Vector256.Create(double.PositiveInfinity);
        Vector256<double> regular = Vector256.GreaterThan(mean, zero) & Vector256.LessThan(mean, infinity)
            & Vector256.GreaterThan(dispersion, zero) & Vector256.LessThan(dispersion, infinity);
        Vector256<double> mu = Vector256.ConditionalSelect(regular, mean, one), phi = Vector256.ConditionalSelect(regular, dispersion, one);
        Vector256<double> logP0 = -(phi * VectorMath.Log1p(mu / phi));
        Vector256<double> width = mu + (Vector256.Create(60.0) * Vector256.Sqrt(mu + (mu * mu / phi)));
        regular &= Vector256.GreaterThanOrEqual(logP0, Vector256.Create(-700.0)) & Vector256.LessThanOrEqual(width, Vector256.Create(DispersionInformationBudget));
        mu = Vector256.ConditionalSelect(regular, mu, one);
        phi = Vector256.ConditionalSelect(regular, phi, one);
        logP0 = Vector256.ConditionalSelect(regular, logP0, -VectorMath.Log1p(one));

        // One φ in every lane (a dispersion parameter): 1/(φ + j) and (φ + j + 1)/(j + 2) from the thread's table for that
        // φ, made long enough before the loop (no call in or before the loop while the series' state is live: the JIT would
        // keep p, t and the sum on the stack, all vector registers being caller-saved).
        double phi0 = phi.GetElement(0);
        ReadOnlySpan<double> inverses = default, steps = default;
        if (Vector256.EqualsAll(phi, Vector256.Create(phi0)))
        {
            int terms = DispersionTable.Terms(Vector256.Max(zero, Vector256.ConditionalSelect(regular, width + (Vector256.Create(40.0) / VectorMath.Log1p(phi / mu)), zero)));
            var table = DispersionTable.For(phi0, terms);
            inverses = table.Inverse.AsSpan(0, terms);
            steps = table.Step.AsSpan(0, terms);
        }

        // The series' state is set up after the table's call, so the JIT keeps it in registers.
        Vector256<double> q = mu / (phi + mu);
        Vector256<double> p = VectorMath.Exp(logP0), t = zero, sum = zero, ratio = phi * q, active = regular;
        int j = 0;
        for (; j < inverses.Length; j++)
        {
            sum = Vector256.ConditionalSelect(active, Fused(p, t, sum), sum);
            Vector256<double> inverse = Vector256.Create(inverses[j]);
            t = Fused(inverse, inverse, t);
            p *= ratio;
            ratio = Vector256.Create(steps[j]) * q;
            if ((j & 3) == 3)
            {
                Vector256<double> r = Vector256.Max(ratio, q);
                Vector256<double> rest = (t + inverse) * p;
                active &= ~(Vector256.LessThan(r, one) & Vector256.LessThan(rest, sum * Vector256.Create(DispersionInformationNegligible) * (one - r)));
                if (Vector256.ExtractMostSignificantBits(active) == 0)
                {
                    break;
                }
            }
        }

        // Lanes of different φ, or past the table: the same numbers computed.
        for (; j < DispersionInformationTerms && Vector256.ExtractMostSignificantBits(active) != 0; j++)
        {
            sum = Vector256.ConditionalSelect(active, Fused(p, t, sum), sum);
            Vector256<double> a = phi + Vector256.Create((double)j);
            Vector256<double> inverse = one / a;
            Vector256<double> step = (a + one) * Vector256.Create(1.0 / (j + 2));
            t = Fused(inverse, inverse, t);
            p *= ratio;
            ratio = step * q;
            if ((j & 3) == 3)
            {
                Vector256<double> r = Vector256.Max(ratio, q);
                Vector256<double> rest = (t + inverse) * p;
                active &= ~(Vector256.LessThan(r, one) & Vector256.LessThan(rest, sum * Vector256.Create(DispersionInformationNegligible) * (one - r)));
            }
        }

        Vector256<double> result = Vector256.Max(zero, sum - (mu / (phi * (phi + mu))));
        Vector256<double> scalar = ~regular | active;
        if (Vector256.ExtractMostSignificantBits(scalar) == 0)
        {
            return result;
        }

        return Vector256.Create(
            ScalarLane(scalar.GetElement(0), mean.GetElement(0), dispersion.GetElement(0), result.GetElement(0)),
            ScalarLane(scalar.GetElement(1), mean.GetElement(1), dispersion.GetElement(1), result.GetElement(1)),
            ScalarLane(scalar.GetElement(2), mean.GetElement(2), dispersion.GetElement(2), result.GetElement(2)),
            ScalarLane(scalar.GetElement(3), mean.GetElement(3), dispersion.GetElement(3), result.GetElement(3)));
    }

    /// <summary>The negative binomial's expected dispersion information of 8 lanes (see the class remarks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector512<double> NegativeBinomialDispersionInformation(Vector512<double> mean, Vector512<double> dispersion)
    {
        Vector512<double> one = Vector512<double>.One, zero = Vector512<double>.Zero, infinity = Vector512.Create(double.PositiveInfinity);
        Vector512<double> regular = Vector512.GreaterThan(mean, zero) & Vector512.LessThan(mean, infinity)
            & Vector512.GreaterThan(dispersion, zero) & Vector512.LessThan(dispersion, infinity);
        Vector512<double> mu = Vector512.ConditionalSelect(regular, mean, one), phi = Vector512.ConditionalSelect(regular, dispersion, one);
        Vector512<double> logP0 = -(phi * VectorMath.Log1p(mu / phi));
        Vector512<double> width = mu + (Vector512.Create(60.0) * Vector512.Sqrt(mu + (mu * mu / phi)));
        regular &= Vector512.GreaterThanOrEqual(logP0, Vector512.Create(-700.0)) & Vector512.LessThanOrEqual(width, Vector512.Create(DispersionInformationBudget));
        mu = Vector512.ConditionalSelect(regular, mu, one);
        phi = Vector512.ConditionalSelect(regular, phi, one);
        logP0 = Vector512.ConditionalSelect(regular, logP0, -VectorMath.Log1p(one));

        // One φ in every lane (a dispersion parameter): 1/(φ + j) and (φ + j + 1)/(j + 2) from the thread's table for that
        // φ, made long enough before the loop (no call in or before the loop while the series' state is live: the JIT would
        // keep p, t and the sum on the stack, all vector registers being caller-saved).
        double phi0 = phi.GetElement(0);
        ReadOnlySpan<double> inverses = default, steps = default;
        if (Vector512.EqualsAll(phi, Vector512.Create(phi0)))
        {
            int terms = DispersionTable.Terms(Vector512.Max(zero, Vector512.ConditionalSelect(regular, width + (Vector512.Create(40.0) / VectorMath.Log1p(phi / mu)), zero)));
            var table = DispersionTable.For(phi0, terms);
            inverses = table.Inverse.AsSpan(0, terms);
            steps = table.Step.AsSpan(0, terms);
        }

        // The series' state is set up after the table's call, so the JIT keeps it in registers.
        Vector512<double> q = mu / (phi + mu);
        Vector512<double> p = VectorMath.Exp(logP0), t = zero, sum = zero, ratio = phi * q, active = regular;
        int j = 0;
        for (; j < inverses.Length; j++)
        {
            sum = Vector512.ConditionalSelect(active, Fused(p, t, sum), sum);
            Vector512<double> inverse = Vector512.Create(inverses[j]);
            t = Fused(inverse, inverse, t);
            p *= ratio;
            ratio = Vector512.Create(steps[j]) * q;
            if ((j & 3) == 3)
            {
                Vector512<double> r = Vector512.Max(ratio, q);
                Vector512<double> rest = (t + inverse) * p;
                active &= ~(Vector512.LessThan(r, one) & Vector512.LessThan(rest, sum * Vector512.Create(DispersionInformationNegligible) * (one - r)));
                if (Vector512.ExtractMostSignificantBits(active) == 0)
                {
                    break;
                }
            }
        }

        // Lanes of different φ, or past the table: the same numbers computed.
        for (; j < DispersionInformationTerms && Vector512.ExtractMostSignificantBits(active) != 0; j++)
        {
            sum = Vector512.ConditionalSelect(active, Fused(p, t, sum), sum);
            Vector512<double> a = phi + Vector512.Create((double)j);
            Vector512<double> inverse = one / a;
            Vector512<double> step = (a + one) * Vector512.Create(1.0 / (j + 2));
            t = Fused(inverse, inverse, t);
            p *= ratio;
            ratio = step * q;
            if ((j & 3) == 3)
            {
                Vector512<double> r = Vector512.Max(ratio, q);
                Vector512<double> rest = (t + inverse) * p;
                active &= ~(Vector512.LessThan(r, one) & Vector512.LessThan(rest, sum * Vector512.Create(DispersionInformationNegligible) * (one - r)));
            }
        }

        Vector512<double> result = Vector512.Max(zero, sum - (mu / (phi * (phi + mu))));
        Vector512<double> scalar = ~regular | active;
        if (Vector512.ExtractMostSignificantBits(scalar) == 0)
        {
            return result;
        }

        return Vector512.Create(
            ScalarLane(scalar.GetElement(0), mean.GetElement(0), dispersion.GetElement(0), result.GetElement(0)),
            ScalarLane(scalar.GetElement(1), mean.GetElement(1), dispersion.GetElement(1), result.GetElement(1)),
            ScalarLane(scalar.GetElement(2), mean.GetElement(2), dispersion.GetElement(2), result.GetElement(2)),
            ScalarLane(scalar.GetElement(3), mean.GetElement(3), dispersion.GetElement(3), result.GetElement(3)),
            ScalarLane(scalar.GetElement(4), mean.GetElement(4), dispersion.GetElement(4), result.GetElement(4)),
            ScalarLane(scalar.GetElement(5), mean.GetElement(5), dispersion.GetElement(5), result.GetElement(5)),
            ScalarLane(scalar.GetElement(6), mean.GetElement(6), dispersion.GetElement(6), result.GetElement(6)),
            ScalarLane(scalar.GetElement(7), mean.GetElement(7), dispersion.GetElement(7), result.GetElement(7)));
    }

    /// <summary>One lane of <see cref="NegativeBinomialDispersionInformation(Vector256{double}, Vector256{double})"/>, the same operations (the tests' twin).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double NegativeBinomialDispersionInformationLane(double mean, double dispersion)
    {
        bool regular = mean > 0 && mean < double.PositiveInfinity && dispersion > 0 && dispersion < double.PositiveInfinity;
        double mu = regular ? mean : 1, phi = regular ? dispersion : 1;
        double logP0 = -(phi * VectorMath.Log1p(mu / phi));
        double width = mu + (60.0 * Math.Sqrt(mu + (mu * mu / phi)));
        if (!regular || !(logP0 >= -700.0) || !(width <= DispersionInformationBudget))
        {
            return Functions.NegativeBinomialDispersionInformationBySurvival(mean, dispersion);
        }

        double q = mu / (phi + mu);
        double p = VectorMath.Exp(logP0), t = 0, sum = 0, ratio = phi * q;
        for (int j = 0; j < DispersionInformationTerms; j++)
        {
            sum = Fused(p, t, sum);
            double a = phi + j;
            double inverse = 1 / a;
            double step = (a + 1) * (1.0 / (j + 2));
            t = Fused(inverse, inverse, t);
            p *= ratio;
            ratio = step * q;
            if ((j & 3) == 3)
            {
                double r = Math.Max(ratio, q);
                double rest = (t + inverse) * p;
                if (r < 1 && rest < sum * DispersionInformationNegligible * (1 - r))
                {
                    return Math.Max(0, sum - (mu / (phi * (phi + mu))));
                }
            }
        }

        return Functions.NegativeBinomialDispersionInformationBySurvival(mean, dispersion);
    }

    /// <summary>
    /// 1/(φ + j) and (φ + j + 1)/(j + 2) for j = 0, 1, … at one φ, computed as the lanes compute them (the same bits), grown
    /// as the series needs: a thread's table for the φ of its last call, so a block of lanes that share their φ (a model's
    /// dispersion parameter) reads two numbers a term where it would divide. The values depend only on φ and j: results
    /// do not depend on which thread or call filled the table.
    /// </summary>
    private sealed class DispersionTable
    {
        [ThreadStatic]
        private static DispersionTable? s_current;

        private double _phi = double.NaN;
        private int _length;

        public double[] Inverse { get; private set; } = new double[256];

        public double[] Step { get; private set; } = new double[256];

        /// <summary>
        /// The thread's table for <paramref name="phi"/> (cleared when the thread's last φ was another), valid to at least
        /// <paramref name="terms"/> entries.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static DispersionTable For(double phi, int terms)
        {
            var table = s_current ??= new DispersionTable();
            if (BitConverter.DoubleToInt64Bits(table._phi) != BitConverter.DoubleToInt64Bits(phi))
            {
                table._phi = phi;
                table._length = 0;
            }

            if (terms > table._length)
            {
                table.Grow(terms - 1);
            }

            return table;
        }

        /// <summary>
        /// The entries a block's lanes are expected to need: the largest of μ + 60 standard deviations + 40/log(1/q) (the
        /// bulk, then the geometric tail's e^-40), at most the series' length; lanes that need more go on computing.
        /// </summary>
        public static int Terms(Vector256<double> need) => Terms(Math.Max(Math.Max(need.GetElement(0), need.GetElement(1)), Math.Max(need.GetElement(2), need.GetElement(3))));

        /// <summary>As the 4-lane overload.</summary>
        public static int Terms(Vector512<double> need) => Math.Max(Terms(need.GetLower()), Terms(need.GetUpper()));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int Terms(double need) => need < DispersionInformationTerms - 8 ? ((int)need + 8) & ~3 : DispersionInformationTerms;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Grow(int j)
        {
            int length = Math.Max(Inverse.Length, 64);
            while (length <= j)
            {
                length *= 2;
            }

            if (length > Inverse.Length)
            {
                var inverse = new double[length];
                var step = new double[length];
                Inverse.AsSpan(0, _length).CopyTo(inverse);
                Step.AsSpan(0, _length).CopyTo(step);
                Inverse = inverse;
                Step = step;
            }

            for (int k = _length; k < length; k++)
            {
                double a = _phi + k;
                Inverse[k] = 1 / a;
                Step[k] = (a + 1) * (1.0 / (k + 2));
            }

            _length = length;
        }
    }

    /// <summary>The scalar function where the lane is outside the series' domain (all bits of <paramref name="mask"/> set), else the lane's value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double ScalarLane(double mask, double mean, double dispersion, double value) =>
        BitConverter.DoubleToInt64Bits(mask) != 0 ? Functions.NegativeBinomialDispersionInformationBySurvival(mean, dispersion) : value;

    /// <summary>a·b + c, fused iff the hardware has FMA (as <see cref="VectorMath"/>: the lanes and the scalar twin agree).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Fused(Vector256<double> a, Vector256<double> b, Vector256<double> c) =>
        Fma.IsSupported ? Vector256.FusedMultiplyAdd(a, b, c) : (a * b) + c;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Fused(Vector512<double> a, Vector512<double> b, Vector512<double> c) =>
        Fma.IsSupported ? Vector512.FusedMultiplyAdd(a, b, c) : (a * b) + c;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Fused(double a, double b, double c) => Fma.IsSupported ? Math.FusedMultiplyAdd(a, b, c) : (a * b) + c;
}

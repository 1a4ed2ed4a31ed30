using System;
using System.Runtime.Intrinsics;

namespace MleGen.Benchmarks;

/// <summary>
/// Hand-written 3-component normal-mixture NLL + gradient over 4 observations at a time: log-sum-exp with VectorMath.Exp
/// and Log, responsibilities and the sufficient sums Σr, Σrz, Σrz² accumulated as vectors, the gradient formed once.
/// </summary>
internal static class SimdMixture
{
    private const int K = 3;
    private const double HalfLogTwoPi = 0.91893853320467274178032973640562;

    /// <summary>θ = (w₁..₃, m₁..₃, s₁..₃): NLL = −Σ log Σₖ wₖ N(yᵢ; mₖ, sₖ).</summary>
    public static double ValueAndGradient(double[] y, ReadOnlySpan<double> theta, Span<double> gradient)
    {
        Span<double> constant = stackalloc double[K], sums = stackalloc double[3 * K];
        for (int k = 0; k < K; k++)
        {
            constant[k] = Math.Log(theta[k]) - HalfLogTwoPi - Math.Log(theta[(2 * K) + k]);
        }

        Vector256<double> c0 = Vector256.Create(constant[0]), c1 = Vector256.Create(constant[1]), c2 = Vector256.Create(constant[2]);
        Vector256<double> m0 = Vector256.Create(theta[3]), m1 = Vector256.Create(theta[4]), m2 = Vector256.Create(theta[5]);
        Vector256<double> i0 = Vector256.Create(1 / theta[6]), i1 = Vector256.Create(1 / theta[7]), i2 = Vector256.Create(1 / theta[8]);
        Vector256<double> half = Vector256.Create(-0.5), nll = Vector256<double>.Zero;
        Vector256<double> r0 = default, r1 = default, r2 = default, rz0 = default, rz1 = default, rz2 = default, rzz0 = default, rzz1 = default, rzz2 = default;
        int i = 0;
        for (; i <= y.Length - 4; i += 4)
        {
            Vector256<double> v = Vector256.Create(y[i], y[i + 1], y[i + 2], y[i + 3]);
            Vector256<double> z0 = (v - m0) * i0, z1 = (v - m1) * i1, z2 = (v - m2) * i2;
            Vector256<double> l0 = Vector256.FusedMultiplyAdd(half * z0, z0, c0), l1 = Vector256.FusedMultiplyAdd(half * z1, z1, c1), l2 = Vector256.FusedMultiplyAdd(half * z2, z2, c2);
            Vector256<double> max = Vector256.Max(Vector256.Max(l0, l1), l2);
            Vector256<double> e0 = VectorMath.Exp(l0 - max), e1 = VectorMath.Exp(l1 - max), e2 = VectorMath.Exp(l2 - max);
            Vector256<double> sum = e0 + e1 + e2, inverse = Vector256<double>.One / sum;
            nll -= max + VectorMath.Log(sum);
            Vector256<double> q0 = e0 * inverse, q1 = e1 * inverse, q2 = e2 * inverse;
            r0 += q0; r1 += q1; r2 += q2;
            Vector256<double> qz0 = q0 * z0, qz1 = q1 * z1, qz2 = q2 * z2;
            rz0 += qz0; rz1 += qz1; rz2 += qz2;
            rzz0 = Vector256.FusedMultiplyAdd(qz0, z0, rzz0); rzz1 = Vector256.FusedMultiplyAdd(qz1, z1, rzz1); rzz2 = Vector256.FusedMultiplyAdd(qz2, z2, rzz2);
        }

        double value = Vector256.Sum(nll);
        sums[0] = Vector256.Sum(r0); sums[1] = Vector256.Sum(r1); sums[2] = Vector256.Sum(r2);
        sums[3] = Vector256.Sum(rz0); sums[4] = Vector256.Sum(rz1); sums[5] = Vector256.Sum(rz2);
        sums[6] = Vector256.Sum(rzz0); sums[7] = Vector256.Sum(rzz1); sums[8] = Vector256.Sum(rzz2);
        Span<double> logTerms = stackalloc double[K];
        for (; i < y.Length; i++)
        {
            double max = double.NegativeInfinity;
            for (int k = 0; k < K; k++)
            {
                double z = (y[i] - theta[K + k]) / theta[(2 * K) + k];
                logTerms[k] = constant[k] - (0.5 * z * z);
                max = Math.Max(max, logTerms[k]);
            }

            double sum = 0;
            for (int k = 0; k < K; k++)
            {
                sum += VectorMath.Exp(logTerms[k] - max);
            }

            value -= max + VectorMath.Log(sum);
            for (int k = 0; k < K; k++)
            {
                double r = VectorMath.Exp(logTerms[k] - max) / sum, z = (y[i] - theta[K + k]) / theta[(2 * K) + k];
                sums[k] += r;
                sums[K + k] += r * z;
                sums[(2 * K) + k] += r * z * z;
            }
        }

        for (int k = 0; k < K; k++)
        {
            double sd = theta[(2 * K) + k];
            gradient[k] = -sums[k] / theta[k];
            gradient[K + k] = -sums[K + k] / sd;
            gradient[(2 * K) + k] = -(sums[(2 * K) + k] - sums[k]) / sd;
        }

        return value;
    }
}

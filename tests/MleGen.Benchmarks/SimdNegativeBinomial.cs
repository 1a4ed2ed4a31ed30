using System;
using System.Runtime.Intrinsics;

namespace MleGen.Benchmarks;

/// <summary>
/// Hand-written negative-binomial (log link, dispersion φ) NLL + gradient. Per row: η by FMA dot products, μ = e^η and
/// log(φ + μ) by VectorMath 4 rows at a time, the gradient as FMA row updates. The terms in y and φ alone
/// (log Γ(y + φ) − log Γ(φ) − log y! and ψ(y + φ) − ψ(φ)) come from a table over the distinct counts, built once per call
/// by the recurrences Γ(y + 1 + φ) = (y + φ)Γ(y + φ) — what an engineer does for integer counts.
/// </summary>
internal sealed class SimdNegativeBinomial(int maximumCount)
{
    private readonly double[] _logRatio = new double[maximumCount + 1];
    private readonly double[] _digammaRatio = new double[maximumCount + 1];

    /// <summary>θ = (β, φ); NLL = Σ −T(yᵢ) − φ log φ + (φ + yᵢ) log(φ + μᵢ) − yᵢηᵢ.</summary>
    public double ValueAndGradient(double[,] x, int[] y, ReadOnlySpan<double> theta, Span<double> gradient)
    {
        int n = x.GetLength(0), p = x.GetLength(1);
        ReadOnlySpan<double> rows = SimdRows.Of(x);
        ReadOnlySpan<double> beta = theta.Slice(0, p);
        double phi = theta[p];
        double[] logRatio = _logRatio, digammaRatio = _digammaRatio;
        double logRatioSum = 0, digammaSum = 0;
        for (int k = 0; k < logRatio.Length; k++)
        {
            // T(k) = log Γ(k + φ) − log Γ(φ) − log k!, D(k) = ψ(k + φ) − ψ(φ).
            logRatio[k] = logRatioSum;
            digammaRatio[k] = digammaSum;
            logRatioSum += Math.Log((k + phi) / (k + 1));
            digammaSum += 1 / (k + phi);
        }

        Span<double> betaGradient = gradient.Slice(0, p);
        betaGradient.Clear();
        Vector256<double> vPhi = Vector256.Create(phi), nll = Vector256<double>.Zero, dPhi = Vector256<double>.Zero;
        int i = 0;
        for (; i <= n - 4; i += 4)
        {
            Vector256<double> eta = SimdRows.Dot4(rows, i, p, beta);
            Vector256<double> mu = VectorMath.Exp(eta);
            Vector256<double> counts = SimdRows.Load4(y, i);
            Vector256<double> total = vPhi + mu;
            Vector256<double> logTotal = VectorMath.Log(total);
            Vector256<double> table = Vector256.Create(logRatio[y[i]], logRatio[y[i + 1]], logRatio[y[i + 2]], logRatio[y[i + 3]]);
            Vector256<double> digamma = Vector256.Create(digammaRatio[y[i]], digammaRatio[y[i + 1]], digammaRatio[y[i + 2]], digammaRatio[y[i + 3]]);
            Vector256<double> phiPlusY = vPhi + counts;
            nll += Vector256.FusedMultiplyAdd(phiPlusY, logTotal, -Vector256.FusedMultiplyAdd(counts, eta, table));
            dPhi += (logTotal + (phiPlusY / total)) - digamma;
            SimdRows.AddScaled4(betaGradient, vPhi * (mu - counts) / total, rows, i, p);
        }

        double value = Vector256.Sum(nll), phiGradient = Vector256.Sum(dPhi);
        for (; i < n; i++)
        {
            ReadOnlySpan<double> row = rows.Slice(i * p, p);
            double eta = SimdRows.Dot(row, beta), mu = VectorMath.Exp(eta), total = phi + mu, logTotal = VectorMath.Log(total);
            value += ((phi + y[i]) * logTotal) - ((y[i] * eta) + logRatio[y[i]]);
            phiGradient += (logTotal + ((phi + y[i]) / total)) - digammaRatio[y[i]];
            SimdRows.AddScaled(betaGradient, phi * (mu - y[i]) / total, row);
        }

        double logPhi = Math.Log(phi);
        gradient[p] = phiGradient - (n * (logPhi + 1));
        return value - (n * phi * logPhi);
    }
}

using System;
using System.Linq;
using MleGen.Tests.EndToEnd.Models;
using Xunit;

namespace MleGen.Tests.Simd;

/// <summary>
/// The generated negative binomial NLL and gradient at huge dispersion (φ = 5e9, 1e12), on the scalar and the vector
/// paths (widths 1, 4 and 8), against the Poisson limit with its 1/φ correction: log NB(y; μ, φ) = log Pois(y; μ) + ((y − μ)² − y)/(2φ) +
/// O(φ⁻²). The former log Γ(y + φ) − log Γ(φ) + φ·(log φ − log(φ + μ)) lost ε·φ·log φ per observation there (NLL noise
/// 3e-3 over 200 rows at φ = 5e9, printed for comparison); n = 203 (blocks of 4 and 8 and a remainder).
/// </summary>
public class NegativeBinomialHugeDispersionTests(ITestOutputHelper output)
{
    private const int N = 203;

    private static NegativeBinomialModel Model()
    {
        var rng = new Random(1212);
        double[] x = Enumerable.Range(0, N).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        int[] y = x.Select(v => MathNet.Numerics.Distributions.Poisson.Sample(rng, Math.Exp(1.2 + 0.7 * v))).ToArray();
        return new NegativeBinomialModel { x = x, Y = y, A = 1.2, B = 0.7, Dispersion = 1e12 };
    }

    /// <summary>(the Poisson NLL, C) with NLL(φ) = Poisson NLL − C/φ + O(φ⁻²), C = Σ ((y − μ)² − y)/2.</summary>
    private static (double Poisson, double C) Limit(NegativeBinomialModel model, double a, double b)
    {
        double poisson = 0, c = 0;
        for (int i = 0; i < N; i++)
        {
            double mu = Math.Exp(a + b * model.x[i]);
            int y = model.Y[i];
            poisson += mu - (y == 0 ? 0 : y * Math.Log(mu)) + Functions.LogFactorial(y);
            c += (((y - mu) * (y - mu)) - y) / 2;
        }

        return (poisson, c);
    }

    /// <summary>The former per-observation formula, to show what the stable one replaced.</summary>
    private static double FormerNll(NegativeBinomialModel model, double a, double b, double phi)
    {
        double nll = 0;
        for (int i = 0; i < N; i++)
        {
            double mu = Math.Exp(a + b * model.x[i]);
            int y = model.Y[i];
            double logTotal = Math.Log(phi + mu);
            nll -= Functions.LogGamma(y + phi) - Functions.LogGamma(phi) - Functions.LogFactorial(y) + (phi * (Math.Log(phi) - logTotal))
                + (y == 0 ? 0 : y * (Math.Log(mu) - logTotal));
        }

        return nll;
    }

    [Theory]
    [InlineData(5e9)]
    [InlineData(1e12)]
    [InlineData(1e15)]
    public void NllIsThePoissonLimitWithItsCorrectionOnBothPaths(double phi)
    {
        var model = Model();
        var (poisson, c) = Limit(model, 1.2, 0.7);
        double tolerance = 4e-14 * Math.Abs(poisson);
        foreach (int width in VectorPaths.All)
        {
            VectorPaths.Force(model, width);
            double noise = 0, former = 0;
            for (int k = -5; k <= 5; k++)
            {
                double p = phi * (1 + (k * 1e-6));
                double expected = poisson - (c / p);
                noise = Math.Max(noise, Math.Abs(((IMleModel)model).NegativeLogLikelihood([1.2, 0.7, p]) - expected));
                former = Math.Max(former, Math.Abs(FormerNll(model, 1.2, 0.7, p) - expected));
            }

            output.WriteLine($"width {width}, φ = {phi:E0}: max |NLL − (Poisson NLL − C/φ)| = {noise:E2} (the former formula: {former:E2}); NLL {poisson:F3}, C/φ = {c / phi:E2}");
            Assert.True(noise <= tolerance, $"width {width}: NLL off its limit by {noise:E3} at φ = {phi}");
        }
    }

    [Theory]
    [InlineData(5e9)]
    [InlineData(1e12)]
    public void GradientIsSmoothAndTendsToThePoissonScore(double phi)
    {
        var model = Model();
        double[] theta = [1.1, 0.8, phi];
        var (_, c) = Limit(model, theta[0], theta[1]);
        foreach (int width in VectorPaths.All)
        {
            VectorPaths.Force(model, width);
            var g = new double[3];
            ((IMleModel)model).NegativeLogLikelihood(theta, g);

            // (A, B): central differences, and the Poisson score Σ (μ − y)(1, x) to O(1/φ).
            var t = (double[])theta.Clone();
            for (int k = 0; k < 2; k++)
            {
                double h = 1e-6;
                t[k] = theta[k] + h;
                double up = ((IMleModel)model).NegativeLogLikelihood(t);
                t[k] = theta[k] - h;
                double down = ((IMleModel)model).NegativeLogLikelihood(t);
                t[k] = theta[k];
                Approx.Equal((up - down) / (2 * h), g[k], 1e-7);
            }

            double scoreA = 0, scoreB = 0;
            for (int i = 0; i < N; i++)
            {
                double mu = Math.Exp(theta[0] + theta[1] * model.x[i]);
                scoreA += mu - model.Y[i];
                scoreB += (mu - model.Y[i]) * model.x[i];
            }

            Assert.Equal(scoreA, g[0], 1e-12 * N * 10 + Math.Abs(scoreA) * 1e4 / phi);
            Assert.Equal(scoreB, g[1], 1e-12 * N * 10 + Math.Abs(scoreB) * 1e4 / phi);

            // φ: d/dφ (−C/φ) = C/φ² + O(φ⁻³). The derivative adds four terms of order y/φ per observation to a sum of
            // order 1/φ², so its rounding is ε·Σ(y + μ)/φ (relative ~1e-3 at φ = 1e12, ~1e-13 in the fit's log φ).
            double expected = c / (phi * phi), rounding = 0;
            for (int i = 0; i < N; i++)
            {
                rounding += (8 * Math.Pow(2, -52) * (model.Y[i] + Math.Exp(theta[0] + theta[1] * model.x[i])) / phi);
            }

            output.WriteLine($"width {width}, φ = {phi:E0}: dNLL/dφ·φ² = {g[2] * phi * phi:G10}, C = {c:G10}; |difference| {Math.Abs(g[2] - expected):E2}, rounding bound {rounding:E2}");
            Assert.Equal(expected, g[2], rounding + (Math.Abs(expected) * 1e-6));
        }
    }

    [Fact]
    public void GeneratedNllMatchesTheOracleAtHugeDispersion()
    {
        var model = Model();
        foreach (double phi in new[] { 1e6, 5e9, 1e12, 1e15 })
        {
            foreach (int width in VectorPaths.All)
            {
                VectorPaths.Force(model, width);
                double[] theta = [1.15, 0.65, phi];
                double nll = ((IMleModel)model).NegativeLogLikelihood(theta);
                ((IMleModel)model).WriteParameters(theta);
                Approx.Equal(model.OracleNll(), nll, 1e-13);
            }
        }
    }
}

using System;
using System.Collections.Generic;
using MleGen.Tests.EndToEnd.Models;
using Xunit;

namespace MleGen.Tests.Simd;

/// <summary>
/// The vector kernels compute a negative binomial of mean e^η in their own form (<c>NegativeBinomialFamily.VectorLogDensity</c>):
/// φ·softplus(d) + y·softplus(−d) with d = η − log φ, one exponential, one log1p and one division a lane. Over a grid
/// of η from −30 to 300, φ from 1e-6 to 1e15 and counts from 0 to 10⁶, 8 identical rows (one block at width 8, two at
/// width 4): the NLL per row against the family's <see cref="NegativeBinomial.LogDensity(int)"/> (the scalar form) and the
/// gradient against the scalar kernel's, each within 1e-14 (NLL) or 1e-12 (gradient) of the size of the terms that are
/// added (a log-density near 0 at a huge count is a difference of terms of 10⁷: the rounding of those is the scale).
/// </summary>
public class NegativeBinomialVectorFormTests(ITestOutputHelper output)
{
    private const int Rows = 8;

    private static readonly double[] Etas = [-30, -5, -0.3, 0, 2.5, 13.8, 50, 300];
    private static readonly double[] Dispersions = [1e-6, 0.01, 1, 30, 1e4, 1e9, 1e15];
    private static readonly int[] Counts = [0, 1, 7, 1000, 1_000_000];

    private static NegativeBinomialModel Model(double eta, int y) =>
        new() { x = Filled(eta), Y = Array.ConvertAll(Filled(y), v => (int)v), A = 0, B = 1 };

    private static double[] Filled(double value)
    {
        var a = new double[Rows];
        Array.Fill(a, value);
        return a;
    }

    public static IEnumerable<object[]> Widths() => [[4], [8]];

    [Theory]
    [MemberData(nameof(Widths))]
    public void NllPerRowIsTheFamilysLogDensityOverTheGrid(int width)
    {
        double worst = 0;
        foreach (double eta in Etas)
        {
            foreach (double phi in Dispersions)
            {
                foreach (int y in Counts)
                {
                    var model = VectorPaths.Force(Model(eta, y), width);
                    double nll = ((IMleModel)model).NegativeLogLikelihood([0, 1, phi]) / Rows;
                    Assert.Equal(width, VectorPaths.LastWidth(model));
                    double mu = Math.Exp(eta);
                    double expected = -new NegativeBinomial(mu, phi).LogDensity(y);
                    double scale = Scale(eta, phi, y);
                    double error = Math.Abs(nll - expected) / scale;
                    worst = Math.Max(worst, error);
                    Assert.True(error <= 1e-14, $"η = {eta}, φ = {phi}, y = {y}: NLL {nll:R} per row, the family's {expected:R} (scale {scale:E2})");
                }
            }
        }

        output.WriteLine($"width {width}: largest |NLL − family| / scale over {Etas.Length * Dispersions.Length * Counts.Length} points = {worst:E2}");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void GradientIsTheScalarKernelsOverTheGrid(int width)
    {
        foreach (double eta in Etas)
        {
            foreach (double phi in Dispersions)
            {
                foreach (int y in Counts)
                {
                    var model = Model(eta, y);
                    var scalar = new double[3];
                    var vector = new double[3];
                    ((IMleModel)VectorPaths.Force(model, 1)).NegativeLogLikelihood([0, 1, phi], scalar);
                    ((IMleModel)VectorPaths.Force(model, width)).NegativeLogLikelihood([0, 1, phi], vector);

                    // ∂/∂A = Σ φ(μ − y)/(φ + μ), ∂/∂B = x times that; ∂/∂φ = Σ log1p(μ/φ) + (y − μ)/(φ + μ) − (ψ(y + φ) − ψ(φ)).
                    double mu = Math.Exp(eta);
                    double linear = Rows * phi * (mu + y) / (phi + mu) * Math.Max(1, Math.Abs(eta) + Math.Abs(Math.Log(phi)));
                    double dispersion = Rows * (Functions.Log1p(mu / phi) + ((y + mu) / (phi + mu)) + Math.Abs(Functions.DigammaDifference(y, phi)));
                    string at = $"η = {eta}, φ = {phi}, y = {y}";
                    Assert.True(Math.Abs(vector[0] - scalar[0]) <= 1e-12 * linear, $"{at}: ∂/∂A {vector[0]:R}, scalar kernel {scalar[0]:R}");
                    Assert.True(Math.Abs(vector[1] - scalar[1]) <= 1e-12 * linear * Math.Max(1, Math.Abs(eta)), $"{at}: ∂/∂B {vector[1]:R}, scalar kernel {scalar[1]:R}");
                    Assert.True(Math.Abs(vector[2] - scalar[2]) <= 1e-12 * dispersion, $"{at}: ∂/∂φ {vector[2]:R}, scalar kernel {scalar[2]:R}");
                }
            }
        }
    }

    /// <summary>
    /// A mean that underflows (η &lt; −745): the scalar kernel's μ is 0, and its NLL +∞ for a count above 0 (0 for a
    /// count of 0, as the family's, to a few ε). The vector form never forms μ: its NLL is the finite limit y·(log φ − η) − log Γ
    /// difference + log y!, the value at η itself.
    /// </summary>
    [Fact]
    public void AMeanBelowTheDoubleRangeKeepsItsFiniteNllOnTheVectorPath()
    {
        const double eta = -800, phi = 3;
        foreach (int width in VectorPaths.All)
        {
            var zero = VectorPaths.Force(Model(eta, 0), width);
            double atZero = ((IMleModel)zero).NegativeLogLikelihood([0, 1, phi]);
            output.WriteLine($"width {width}: NLL of 8 counts 0 at η = −800: {atZero:R}");
            Assert.True(Math.Abs(atZero) <= 1e-14, $"width {width}: NLL {atZero:R} of 8 counts 0");

            var two = VectorPaths.Force(Model(eta, 2), width);
            double nll = ((IMleModel)two).NegativeLogLikelihood([0, 1, phi]) / Rows;
            if (width == 1)
            {
                Assert.Equal(double.PositiveInfinity, nll);
                continue;
            }

            double limit = (2 * (Math.Log(phi) - eta)) - Functions.LogGammaDifference(2, phi) + Functions.LogFactorial(2);
            Approx.Equal(limit, nll, 1e-15 * limit);
        }
    }

    /// <summary>The sum of the magnitudes of the log density's terms, and of the NLL's change for a rounding of η or log φ.</summary>
    private static double Scale(double eta, double phi, int y)
    {
        double mu = Math.Exp(eta);
        return 1 + Math.Abs(Functions.LogGammaDifference(y, phi)) + Functions.LogFactorial(y) + (phi * Functions.Log1p(mu / phi))
            + (y == 0 ? 0 : y * Functions.Log1p(phi / mu)) + ((mu + y) * Math.Max(Math.Abs(eta), Math.Abs(Math.Log(phi))) * 1e-2);
    }
}

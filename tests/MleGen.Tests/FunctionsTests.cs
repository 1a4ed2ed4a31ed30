using System;
using Xunit;
using static MleGen.Functions;

namespace MleGen.Tests;

public class FunctionsTests
{
    [Fact]
    public void SumAndDot()
    {
        Assert.Equal(10, Sum(5, i => i));
        Assert.Equal(0, Sum(0, i => 1));
        double[,] x = { { 1, 2 }, { 3, 4 } };
        Assert.Equal((0.5 * 3) + (-1 * 4), Dot([0.5, -1], x, 1));
        Assert.Equal(11, Dot([1, 2], [3, 4]));
        Assert.Throws<ArgumentException>(() => Dot([1, 2, 3], x, 0));
        Assert.Throws<ArgumentException>(() => Dot([1, 2, 3], [1, 2]));
    }

    [Fact]
    public void LogisticIsStableInBothTails()
    {
        Assert.Equal(1, Logistic(800));
        Assert.Equal(0, Logistic(-800));
        Assert.Equal(0.5, Logistic(0));
        Approx.Equal(Math.Exp(-30) / (1 + Math.Exp(-30)), Logistic(-30), 1e-15);
        Approx.Equal(1 - Logistic(-2.5), Logistic(2.5), 1e-15);
    }

    [Fact]
    public void SoftplusIsStableInBothTails()
    {
        Assert.Equal(800, Softplus(800));
        double tiny = Softplus(-800);
        Assert.True(tiny >= 0 && double.IsFinite(tiny));
        Approx.Equal(Math.Exp(-30), Softplus(-30), 1e-13);
        Approx.Equal(Math.Log(2), Softplus(0), 1e-15);
        Approx.Equal(Math.Log(1 + Math.Exp(3)), Softplus(3), 1e-15);
    }

    [Fact]
    public void Log1pAndExpm1AreAccurateNearZero()
    {
        Approx.Equal(1e-12 - 5e-25, Log1p(1e-12), 1e-15);
        Approx.Equal(-1e-10 - 5e-21, Log1p(-1e-10), 1e-15);
        Approx.Equal(Math.Log(0.7), Log1p(-0.3), 1e-15);
        Approx.Equal(Math.Log(4), Log1p(3), 1e-15);
        Assert.Equal(double.NegativeInfinity, Log1p(-1));
        Assert.Equal(0, Log1p(0));

        Approx.Equal(1e-12 + 5e-25, Expm1(1e-12), 1e-15);
        Approx.Equal(-1e-10 + 5e-21, Expm1(-1e-10), 1e-15);
        Approx.Equal(Math.Exp(0.3) - 1, Expm1(0.3), 1e-14);
        Approx.Equal(Math.Exp(2) - 1, Expm1(2), 1e-15);
        Assert.Equal(-1, Expm1(-800));
        Assert.Equal(0, Expm1(0));
    }

    [Fact]
    public void SquareAndLogGamma()
    {
        Assert.Equal(9, Square(-3));
        Approx.Equal(Math.Log(24), LogGamma(5), 1e-14);
        Approx.Equal(0.5 * Math.Log(Math.PI), LogGamma(0.5), 1e-14);
    }

    [Fact]
    public void LogSumExpIsStable()
    {
        Approx.Equal(1000 + Math.Log(2), LogSumExp(1000, 1000), 1e-15);
        Approx.Equal(Math.Log(Math.Exp(1) + Math.Exp(-2)), LogSumExp(1, -2), 1e-15);
        Assert.Equal(0, LogSumExp(0, double.NegativeInfinity));
        Assert.Equal(double.NegativeInfinity, LogSumExp(double.NegativeInfinity, double.NegativeInfinity));
        Assert.True(double.IsNaN(LogSumExp(double.NaN, 0)));

        double[] terms = [1000, double.NegativeInfinity, 1001, 999];
        Approx.Equal(1001 + Math.Log(1 + Math.Exp(-1) + Math.Exp(-2)), LogSumExp(terms.Length, i => terms[i]), 1e-15);
        Assert.Equal(double.NegativeInfinity, LogSumExp(0, i => 0));
        Approx.Equal(Math.Log(6), LogSumExp(3, i => Math.Log(i + 1)), 1e-15);
    }

    [Fact]
    public void PhiMatchesKnownValues()
    {
        Approx.Equal(7.619853024160527e-24, Phi(-10), 1e-14);
        Approx.Equal(2.866515718791939e-7, Phi(-5), 1e-14);
        Assert.Equal(0.5, Phi(0));
        Approx.Equal(0.9750021048517795, Phi(1.96), 1e-15);
    }

    [Fact]
    public void LogPhiMatchesAsymptoticsDeepInTheLowerTail()
    {
        double x = -40;
        double inverseSquare = 1 / (x * x);
        double series = 1 - inverseSquare + (3 * inverseSquare * inverseSquare) - (15 * Math.Pow(inverseSquare, 3)) + (105 * Math.Pow(inverseSquare, 4));
        double expected = (-0.5 * x * x) - (0.5 * Approx.LogTwoPi) - Math.Log(-x) + Math.Log(series);
        Approx.Equal(expected, LogPhi(x), 1e-15);
        Approx.Equal(-804.6084420137538, LogPhi(x), 1e-14);
        Assert.True(double.IsFinite(LogPhi(-1e5)));
    }

    [Theory]
    [InlineData(-29.999)]
    [InlineData(-30.001)]
    [InlineData(-31)]
    [InlineData(-35)]
    public void LogPhiAsymptoticBranchAgreesWithErfc(double x)
    {
        Approx.Equal(Math.Log(Phi(x)), LogPhi(x), 1e-14);
    }

    [Fact]
    public void LogPhiIsAccurateInTheUpperTailAndCentre()
    {
        double q = 2.866515718791939e-7; // Φ(−5)
        Approx.Equal(-q - (q * q / 2), LogPhi(5), 1e-14);
        Approx.Equal(Math.Log(0.5), LogPhi(0), 1e-15);
        Approx.Equal(Math.Log(0.15865525393145707), LogPhi(-1), 1e-14);
        Assert.True(LogPhi(40) <= 0);
    }

    [Fact]
    public void DigammaAndTrigammaMatchKnownValues()
    {
        Approx.Equal(-0.5772156649015329, Digamma(1), 1e-14); // MathNet's DiGamma is good to a few ε
        Approx.Equal(Math.PI * Math.PI / 6, Trigamma(1), 1e-15);
        Approx.Equal(Math.PI * Math.PI / 2, Trigamma(0.5), 1e-15);
        Approx.Equal((Math.PI * Math.PI / 2) + 4, Trigamma(-0.5), 1e-14);
        Assert.Equal(double.PositiveInfinity, Trigamma(0));
        Assert.Equal(double.PositiveInfinity, Trigamma(-3));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(2.7)]
    [InlineData(9.99)]
    [InlineData(10.01)]
    [InlineData(55)]
    public void TrigammaIsTheDerivativeOfDigamma(double x)
    {
        double h = 1e-5 * x;
        double finiteDifference = (Digamma(x + h) - Digamma(x - h)) / (2 * h);
        Approx.Equal(finiteDifference, Trigamma(x), 1e-8);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(-3)]
    [InlineData(-4.999)]
    [InlineData(-5.001)]
    [InlineData(-6)]
    public void NormalPdfRatioMatchesDirectRatio(double x)
    {
        double direct = Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI) / Phi(x);
        Approx.Equal(direct, NormalPdfRatio(x), 1e-13);
    }

    [Fact]
    public void NormalPdfRatioApproachesMinusXInTheLowerTail()
    {
        double t = 40;
        double u = 1 / (t * t);
        double mills = 1 - u + (3 * u * u) - (15 * Math.Pow(u, 3)) + (105 * Math.Pow(u, 4)) - (945 * Math.Pow(u, 5)) + (10395 * Math.Pow(u, 6));
        Approx.Equal(t / mills, NormalPdfRatio(-t), 1e-15);
        Assert.True(double.IsFinite(NormalPdfRatio(-1e6)));
        Assert.Equal(0, NormalPdfRatio(40));
    }

    [Fact]
    public void LogBinomialCoefficientAndLogFactorial()
    {
        Approx.Equal(Math.Log(120), LogBinomialCoefficient(10, 3), 1e-14);
        Assert.Equal(0, LogBinomialCoefficient(7, 0), 14);
        Assert.Equal(double.NegativeInfinity, LogBinomialCoefficient(5, 6));
        Assert.Equal(double.NegativeInfinity, LogBinomialCoefficient(5, -1));
        Approx.Equal(Math.Log(120), LogFactorial(5), 1e-14);
        Assert.Equal(0, LogFactorial(0));
    }

    [Theory]
    [InlineData(double.NegativeInfinity)]
    [InlineData(-1e300)]
    [InlineData(-800)]
    [InlineData(-40)]
    [InlineData(-1e-300)]
    [InlineData(0)]
    [InlineData(1e-300)]
    [InlineData(40)]
    [InlineData(800)]
    [InlineData(1e300)]
    [InlineData(double.PositiveInfinity)]
    public void NothingIsNaNAtExtremes(double x)
    {
        Assert.False(double.IsNaN(Logistic(x)));
        Assert.False(double.IsNaN(Softplus(x)));
        Assert.False(double.IsNaN(Expm1(x)));
        Assert.False(double.IsNaN(Phi(x)));
        Assert.False(double.IsNaN(LogPhi(x)));
        Assert.False(double.IsNaN(NormalPdfRatio(x)));
        Assert.False(double.IsNaN(LogSumExp(x, 0)));
        Assert.True(LogPhi(x) <= 0 && Softplus(x) >= 0 && NormalPdfRatio(x) >= 0);
        if (x >= -1)
        {
            Assert.False(double.IsNaN(Log1p(x)));
        }

        if (x > 0)
        {
            Assert.False(double.IsNaN(Trigamma(x)));
        }
    }

    [Theory]
    [InlineData(3.2, 2.0)]
    [InlineData(0.05, 0.3)]
    [InlineData(40.0, 1.5)]
    [InlineData(10_000.0, 300.0)] // P(Y = 0) = e^-1061 underflows: the series starts at the bulk
    [InlineData(50_000.0, 5.0)]
    public void NegativeBinomialDispersionInformationIsTheExpectedCurvature(double mean, double dispersion)
    {
        // The definition, summed independently: E[ψ′(φ) − ψ′(y + φ)] − μ/(φ(φ + μ)) over the pmf from log-gamma.
        double logQ = Math.Log(mean / (dispersion + mean));
        double logP0 = dispersion * Math.Log(dispersion / (dispersion + mean));
        double expected = 0;
        double total = 0;
        for (int y = 0; y < 2_000_000; y++)
        {
            double p = Math.Exp(LogGamma(y + dispersion) - LogGamma(dispersion) - LogGamma(y + 1.0) + logP0 + (y * logQ));
            expected += p * (Trigamma(dispersion) - Trigamma(y + dispersion));
            total += p;
            if (y > 10 * (mean + 10) && p < 1e-300)
            {
                break;
            }
        }

        Assert.Equal(1, total, 1e-9);
        expected -= mean / (dispersion * (dispersion + mean));
        Assert.Equal(expected, NegativeBinomialDispersionInformation(mean, dispersion), Math.Abs(expected) * 1e-8);
    }

    [Theory]
    [InlineData(3.2, 1e4)]
    [InlineData(0.7, 3e4)]
    public void NegativeBinomialDispersionInformationApproachesThePoissonLimit(double mean, double dispersion)
    {
        // As φ → ∞ the score for φ is −((y − μ)² − y)/(2φ²) + O(φ⁻³); under the Poisson limit its variance is μ²/(2φ⁴).
        double limit = mean * mean / (2 * Math.Pow(dispersion, 4));
        Assert.Equal(limit, NegativeBinomialDispersionInformation(mean, dispersion), limit * 20 / dispersion);
    }

    [Theory]
    [InlineData(3.2, 1e10)]
    [InlineData(3.2, 1e14)]
    [InlineData(1e6, 1e12)]
    public void NegativeBinomialDispersionInformationEndsInThePoissonLimit(double mean, double dispersion)
    {
        // Far in the limit the information (≈ μ²/2φ⁴) is below the series' rounding: what matters is that it is a
        // small non-negative number computed in a bounded number of steps (it once ran 10⁷ steps per observation).
        double information = NegativeBinomialDispersionInformation(mean, dispersion);
        Assert.InRange(information, 0, 1e-9 * mean / (dispersion * dispersion));
    }

    [Fact]
    public void NegativeBinomialDispersionInformationHasItsLimits()
    {
        // A fit running to the Poisson limit evaluates at φ = +∞ (its log-dispersion's exp overflows): the information
        // there is 0 and comes at once (it once ran the series' 10⁷ steps on NaNs for every observation).
        Assert.Equal(0, NegativeBinomialDispersionInformation(3.2, double.PositiveInfinity));
        Assert.Equal(0, NegativeBinomialDispersionInformation(0, 2));
        Assert.Equal(Trigamma(2.5) - (1 / 2.5), NegativeBinomialDispersionInformation(double.PositiveInfinity, 2.5));
        Assert.Equal(Trigamma(2.5) - (1 / 2.5), NegativeBinomialDispersionInformation(1e12, 2.5), 1e-9);
        Assert.Equal(Trigamma(2.5) - (1 / 2.5), NegativeBinomialDispersionInformation(1e300, 2.5), 1e-12);
        Assert.True(double.IsNaN(NegativeBinomialDispersionInformation(double.NaN, 2)));
        Assert.True(double.IsNaN(NegativeBinomialDispersionInformation(3, double.NaN)));
    }

    [Theory]
    [InlineData(3.2, 2.0)]
    [InlineData(0.05, 0.3)]
    [InlineData(40.0, 1.5)]
    [InlineData(2e4, 2.0)]
    [InlineData(5e4, 40.0)]
    [InlineData(300.0, 1e-3)]
    public void TheIntegralOfWideDistributionsAgreesWithTheSeries(double mean, double dispersion)
    {
        // Where both apply, the integral the wide distributions use (large μ, small φ) gives the series' E[ψ′(Y + φ)].
        double series = NegativeBinomialDispersionInformation(mean, dispersion) + (mean / (dispersion * (dispersion + mean)));
        double integral = Trigamma(dispersion) - NegativeBinomialTrigammaExpectation(mean, dispersion);
        Assert.Equal(series, integral, Math.Abs(series) * 1e-10);
    }

    [Theory]
    [InlineData(1e6, 10.0)] // an RNA-seq-sized count: the bulk is 3e5 wide (the series used to stop at 10⁷ terms, short of it)
    [InlineData(1e9, 2.5)]
    public void WideNegativeBinomialsGetTheirInformationFromTheIntegral(double mean, double dispersion)
    {
        // Large μ: E[ψ′(Y + φ)] = E[1/(Y + φ)] + O(μ⁻²) and E[1/Y] → φ/((φ − 1)μ) under the gamma limit of Y/μ, so the
        // information is ψ′(φ) − 1/φ − (φ/(φ − 1) − 1)/μ + O(μ⁻²) (the −μ/(φ(φ + μ)) term expanded).
        double limit = Trigamma(dispersion) - (1 / dispersion) - (((dispersion / (dispersion - 1)) - 1) / mean);
        Assert.Equal(limit, NegativeBinomialDispersionInformation(mean, dispersion), 1e-4 / mean);
    }
}

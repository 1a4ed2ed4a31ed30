using System;
using Xunit;

namespace MleGen.Tests.Censoring;

/// <summary>
/// The log CDFs and survival functions far in their tails, against 40-digit values (mpmath: log ncdf, the Cauchy and
/// Laplace closed forms, log(1 − e^−x)): relative accuracy where the naive log(F) or log(1 − F) is −∞ or 0.
/// </summary>
public class TailStabilityTests
{
    /// <summary>|actual − expected| ≤ tolerance·|expected|: relative even for tiny values (a 0 for −7.6e-24 fails).</summary>
    private static void Relative(double expected, double actual, double tolerance)
    {
        double error = Math.Abs(expected - actual);
        Assert.True(error <= tolerance * Math.Abs(expected), $"expected {expected:R}, actual {actual:R}, relative difference {error / Math.Abs(expected):R}");
    }

    [Fact]
    public void NormalLogCdfAndLogCcdfInBothTails()
    {
        var n = new Normal(0, 1);
        Relative(-804.6084420137537881666068329186099362002, n.LogCdf(-40), 1e-14);
        Relative(-804.6084420137537881666068329186099362002, n.LogCcdf(40), 1e-14);
        Relative(-15.06499839398872573608370479189672560507, n.LogCdf(-5), 1e-14);
        Relative(-7.619853024160526070429305556297575996821e-24, n.LogCdf(10), 1e-12);
        Relative(-7.619853024160526070429305556297575996821e-24, n.LogCcdf(-10), 1e-12);

        // Location and scale: log P(Y > 2 + 3·40) for N(2, 3²).
        Relative(-804.6084420137537881666068329186099362002, new Normal(2, 3).LogCcdf(122), 1e-14);
        Relative(-804.6084420137537881666068329186099362002, new LogNormal(0, 1).LogCdf(Math.Exp(-40)), 1e-14);
    }

    [Fact]
    public void CauchyLogCdfWithoutCancellation()
    {
        var c = new Cauchy(0, 1);
        Relative(-24.17058081578985701432667523152990577842, c.LogCdf(-1e10), 1e-14);
        Relative(-0.00000000003183098861888567307189308874780637054332, c.LogCdf(1e10), 1e-12);
        Relative(-24.17058081578985701432667523152990577842, c.LogCcdf(1e10), 1e-14);
        Relative(-2.278708595290298655901457563477590856452, c.LogCdf(-3), 1e-14);
        Relative(-Math.Log(2), c.LogCdf(0), 1e-15);
        Relative(-Math.Log(2), c.LogCdf(-0.0), 1e-15);

        // f/F, the derivative of the log CDF: ≈ −1/z in the lower tail.
        Relative(0.0000009999999999993333333333339111111110940161, Functions.CauchyCdfRatio(-1e6), 1e-13);
        Relative(0.03546297859323870198865755909303881854014, Functions.CauchyCdfRatio(3), 1e-14);
        Relative(2 / Math.PI, Functions.CauchyCdfRatio(0), 1e-15);
    }

    [Fact]
    public void LaplaceExponentialAndWeibullTails()
    {
        var l = new Laplace(0, 1);
        Relative(-2.124177127645794499920686629663617185127e-18, l.LogCdf(40), 1e-14);
        Relative(-40 - Math.Log(2), l.LogCdf(-40), 1e-15);
        Relative(-40 - Math.Log(2), l.LogCcdf(40), 1e-15);

        // log(1 − e^−x) at x = 1e-20 (where 1 − e^−x rounds to 0) and x = 50 (where it rounds to 1).
        Relative(-46.05170185988091368036469522132931073692, new Exponential(1).LogCdf(1e-20), 1e-14);
        Relative(-1.92874984796391778302587083698699891365e-22, new Exponential(2).LogCdf(25), 1e-12);
        Relative(-50, new Exponential(2).LogCcdf(25), 1e-15);

        // Weibull(k = 2, λ = 1): F(y) = 1 − exp(−y²).
        Relative(-46.05170185988091368036469522132931073692, new Weibull(2, 1).LogCdf(1e-10), 1e-12);
        Relative(-1.92874984796391778302587083698699891365e-22, new Weibull(2, 1).LogCdf(Math.Sqrt(50)), 1e-12);
        Relative(-50, new Weibull(2, 1).LogCcdf(Math.Sqrt(50)), 1e-13);
    }

    [Fact]
    public void OutsideTheSupportTheCdfIsZeroOrOne()
    {
        Assert.Equal(double.NegativeInfinity, new Weibull(2, 1).LogCdf(-1));
        Assert.Equal(0, new Weibull(2, 1).LogCcdf(-1));
        Assert.Equal(double.NegativeInfinity, new Exponential(1).LogCdf(0));
        Assert.Equal(0, new LogNormal(0, 1).LogCcdf(0));
        Assert.True(double.IsNaN(new Exponential(1).LogCdf(double.NaN)));
        Assert.True(double.IsNaN(Functions.Log1mExp(-1)));
    }

    [Theory]
    [InlineData(-30.0)]
    [InlineData(-2.0)]
    [InlineData(-0.1)]
    [InlineData(0.3)]
    [InlineData(4.0)]
    [InlineData(25.0)]
    public void TheRatiosAreTheDerivativesOfTheLogCdfs(double z)
    {
        // Central differences of the log CDFs (smooth away from 0 for Laplace) against the generated code's ratios.
        double h = 1e-6 * Math.Max(1, Math.Abs(z));
        Relative((Functions.CauchyLogCdf(z + h) - Functions.CauchyLogCdf(z - h)) / (2 * h), Functions.CauchyCdfRatio(z), 1e-7);
        Relative((Functions.LaplaceLogCdf(z + h) - Functions.LaplaceLogCdf(z - h)) / (2 * h), Functions.LaplaceCdfRatio(z), 1e-7);
        if (z > 0)
        {
            Relative((Functions.Log1mExp(z + h) - Functions.Log1mExp(z - h)) / (2 * h), Functions.InverseExpm1(z), 1e-6);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.Intrinsics;
using MleGen.Tests.Fitting;
using Xunit;

namespace MleGen.Tests.Simd;

/// <summary>
/// <see cref="Functions.LogGammaDifference"/>, <see cref="Functions.DigammaDifference"/> and
/// <see cref="Functions.TrigammaDifference"/> (log Γ(y + φ) − log Γ(φ) and its φ-derivatives, the negative binomial's
/// dispersion terms) against 60-digit mpmath values (tests/data/reference/gammadifference/reference.py) over φ from 1e-3
/// to 1e15 and y from 0 to 1e6; against exact finite sums for counts; and the vector lanes against the scalar twin.
/// </summary>
public class GammaDifferenceTests(ITestOutputHelper output)
{
    private static double Ulp(double x) => Math.BitIncrement(Math.Abs(x)) - Math.Abs(x);

    /// <summary>Error in ulps of the reference, or of 1 where |reference| &lt; 1 (a difference near a root of log Γ).</summary>
    private static double Error(double actual, double reference) =>
        actual == reference ? 0 : Math.Abs(actual - reference) / Ulp(Math.Max(Math.Abs(reference), 1));

    /// <summary>Error in ulps of the reference itself.</summary>
    private static double RelativeUlps(double actual, double reference) =>
        actual == reference ? 0 : Math.Abs(actual - reference) / Ulp(reference);

    private static (double Y, double Phi, double Lgd, double Dgd, double Tgd)[] Reference()
    {
        string[] lines = File.ReadAllLines(Path.Combine(ReferenceCase.Directory, "gammadifference", "reference.csv"));
        var rows = new (double, double, double, double, double)[lines.Length - 1];
        for (int i = 1; i < lines.Length; i++)
        {
            string[] f = lines[i].Split(',');
            rows[i - 1] = (Parse(f[0]), Parse(f[1]), Parse(f[2]), Parse(f[3]), Parse(f[4]));
        }

        return rows;

        static double Parse(string s) => double.Parse(s, CultureInfo.InvariantCulture);
    }

    [Fact]
    public void AgreesWithMpmathFromTinyToHugeDispersion()
    {
        double lgdMax = 0, dgdMax = 0, tgdMax = 0, naiveMax = 0;
        string lgdAt = "", dgdAt = "", tgdAt = "";
        foreach (var (y, phi, lgd, dgd, tgd) in Reference())
        {
            double e = Error(Functions.LogGammaDifference(y, phi), lgd);
            if (e > lgdMax)
            {
                (lgdMax, lgdAt) = (e, $"y = {y}, φ = {phi}");
            }

            naiveMax = Math.Max(naiveMax, Error(Functions.LogGamma(y + phi) - Functions.LogGamma(phi), lgd));

            // ψ and ψ′ differences are formed from positive terms only: relative ulps everywhere (they are ≈ y/φ, −y/φ² far out).
            e = RelativeUlps(Functions.DigammaDifference(y, phi), dgd);
            if (e > dgdMax)
            {
                (dgdMax, dgdAt) = (e, $"y = {y}, φ = {phi}");
            }

            e = RelativeUlps(Functions.TrigammaDifference(y, phi), tgd);
            if (e > tgdMax)
            {
                (tgdMax, tgdAt) = (e, $"y = {y}, φ = {phi}");
            }
        }

        output.WriteLine($"log Γ difference: max {lgdMax:F2} ulp (of max(|value|, 1)) at {lgdAt}; the plain log Γ(y + φ) − log Γ(φ): {naiveMax:E2} ulp");
        output.WriteLine($"ψ difference: max {dgdMax:F2} ulp at {dgdAt}");
        output.WriteLine($"ψ′ difference: max {tgdMax:F2} ulp at {tgdAt}");
        Assert.True(lgdMax <= 4, $"log Γ difference {lgdMax} ulp at {lgdAt}");
        Assert.True(dgdMax <= 6, $"ψ difference {dgdMax} ulp at {dgdAt}");
        Assert.True(tgdMax <= 6, $"ψ′ difference {tgdMax} ulp at {tgdAt}");
        Assert.True(naiveMax > 1e6, "the reference grid reaches the dispersions where the plain difference cancels");
    }

    /// <summary>For a count y the differences are finite sums: Σₖ log(φ + k) (compensated), Σₖ 1/(φ + k), −Σₖ 1/(φ + k)².</summary>
    [Theory]
    [InlineData(0.003)]
    [InlineData(0.7)]
    [InlineData(2)]
    [InlineData(9.5)]
    [InlineData(10)]
    [InlineData(333.3)]
    [InlineData(1e6)]
    [InlineData(5e9)]
    [InlineData(1e12)]
    [InlineData(1e15)]
    public void AgreesWithTheFiniteSumsOfACount(double phi)
    {
        double lgdMax = 0, dgdMax = 0, tgdMax = 0;
        foreach (int y in new[] { 1, 2, 3, 4, 7, 12, 30, 99, 250, 1000, 4321 })
        {
            // log(φ + k) = log φ + log1p(k/φ) split so that the large part y·log φ is added once.
            var small = new CompensatedSum();
            var digamma = new CompensatedSum();
            var trigamma = new CompensatedSum();
            for (int k = y - 1; k >= 0; k--)
            {
                small.Add(phi >= 1 ? Functions.Log1p(k / phi) : Math.Log(phi + k));
                digamma.Add(1 / (phi + k));
                trigamma.Add(-1 / ((phi + k) * (phi + k)));
            }

            double lgd = (phi >= 1 ? y * Math.Log(phi) : 0) + small.Value;
            lgdMax = Math.Max(lgdMax, Error(Functions.LogGammaDifference(y, phi), lgd));
            dgdMax = Math.Max(dgdMax, RelativeUlps(Functions.DigammaDifference(y, phi), digamma.Value));
            tgdMax = Math.Max(tgdMax, RelativeUlps(Functions.TrigammaDifference(y, phi), trigamma.Value));
        }

        output.WriteLine($"φ = {phi}: log Γ difference {lgdMax:F2} ulp, ψ difference {dgdMax:F2} ulp, ψ′ difference {tgdMax:F2} ulp (the sums' own rounding included)");
        Assert.True(lgdMax <= 4, $"log Γ difference {lgdMax} ulp");
        Assert.True(dgdMax <= 4, $"ψ difference {dgdMax} ulp");
        Assert.True(tgdMax <= 6, $"ψ′ difference {tgdMax} ulp");
    }

    /// <summary>
    /// The Vector512 and Vector256 lanes equal the scalar twin bit for bit (Vector512 runs in software without AVX-512),
    /// over counts and non-integers, φ from 1e-120 to 1e300, and the special values (the lanes outside the series' range).
    /// </summary>
    [Fact]
    public void VectorLanesEqualTheScalarTwin()
    {
        var random = new Random(1212);
        var ys = new List<double>();
        var phis = new List<double>();
        for (int i = 0; i < 40_000; i++)
        {
            double y = (i % 4) switch
            {
                0 => random.Next(0, 20),
                1 => random.Next(0, 2000),
                2 => Math.Floor(Math.Pow(10, random.NextDouble() * 7)),
                _ => Math.Pow(10, (random.NextDouble() * 12) - 6),
            };
            ys.Add(y);
            phis.Add(Math.Pow(10, (random.NextDouble() * 21) - 4));
        }

        double[] special = [0, 1, 3, 16, 17, 0.5, 2e15, 1e300, -1, -0.0, double.PositiveInfinity, double.NaN, 1e-120, 9.999999999999998, 10];
        foreach (double y in special)
        {
            foreach (double phi in special)
            {
                ys.Add(y);
                phis.Add(phi);
            }
        }

        int checkedLanes = 0;
        for (int i = 0; i + 8 <= ys.Count; i += 8)
        {
            var y8 = Vector512.Create(ys.GetRange(i, 8).ToArray());
            var phi8 = Vector512.Create(phis.GetRange(i, 8).ToArray());
            var lgd8 = VectorMath.LogGammaDifference(y8, phi8);
            var dgd8 = VectorMath.DigammaDifference(y8, phi8);
            var lgd4 = Vector512.Create(VectorMath.LogGammaDifference(y8.GetLower(), phi8.GetLower()), VectorMath.LogGammaDifference(y8.GetUpper(), phi8.GetUpper()));
            var dgd4 = Vector512.Create(VectorMath.DigammaDifference(y8.GetLower(), phi8.GetLower()), VectorMath.DigammaDifference(y8.GetUpper(), phi8.GetUpper()));
            for (int k = 0; k < 8; k++)
            {
                double y = ys[i + k], phi = phis[i + k];
                Same(VectorMath.LogGammaDifference(y, phi), lgd8.GetElement(k), y, phi);
                Same(VectorMath.LogGammaDifference(y, phi), lgd4.GetElement(k), y, phi);
                Same(VectorMath.DigammaDifference(y, phi), dgd8.GetElement(k), y, phi);
                Same(VectorMath.DigammaDifference(y, phi), dgd4.GetElement(k), y, phi);
                checkedLanes++;
            }
        }

        output.WriteLine($"{checkedLanes} lanes at widths 8 and 4 equal the scalar twin");

        static void Same(double expected, double actual, double y, double phi) =>
            Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual) || (double.IsNaN(expected) && double.IsNaN(actual)),
                $"y = {y:R}, φ = {phi:R}: scalar {expected:R}, lane {actual:R}");
    }

    [Fact]
    public void VectorFormsAllocateNothing()
    {
        var y = Vector256.Create(0, 3, 17, 2.5);
        var phi = Vector256.Create(2.0);
        VectorMath.LogGammaDifference(y, phi);
        VectorMath.DigammaDifference(y, phi);
        long before = GC.GetAllocatedBytesForCurrentThread();
        double sum = 0;
        for (int i = 0; i < 1000; i++)
        {
            sum += Vector256.Sum(VectorMath.LogGammaDifference(y, phi + Vector256.Create((double)i)) + VectorMath.DigammaDifference(y, phi));
            sum += Vector512.Sum(VectorMath.LogGammaDifference(Vector512.Create(y, y), Vector512.Create((double)i + 1e16)));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(double.IsFinite(sum));
    }

    [Fact]
    public void HasTheLimitsAndSpecialValues()
    {
        Assert.Equal(0, Functions.LogGammaDifference(0, 3.5));
        Assert.Equal(0, Functions.LogGammaDifference(0, 1e300));
        Assert.Equal(0, Functions.LogGammaDifference(0, double.PositiveInfinity));
        Assert.Equal(0, Functions.DigammaDifference(0, 0.25));
        Assert.Equal(0, Functions.TrigammaDifference(0, 1e20));
        Assert.Equal(double.PositiveInfinity, Functions.LogGammaDifference(2, double.PositiveInfinity));
        Assert.Equal(0, Functions.DigammaDifference(2, double.PositiveInfinity));
        Assert.Equal(0, Functions.TrigammaDifference(2, double.PositiveInfinity));
        Assert.True(double.IsNaN(Functions.LogGammaDifference(double.NaN, 2)));
        Assert.True(double.IsNaN(Functions.LogGammaDifference(2, double.NaN)));
        Assert.True(double.IsNaN(Functions.DigammaDifference(double.NaN, 2)));

        // Outside the shifted range: the plain difference, which does not cancel there.
        Assert.Equal(Functions.LogGamma(3e16 + 2) - Functions.LogGamma(2), Functions.LogGammaDifference(3e16, 2), 1e-15 * Functions.LogGamma(3e16));
        Assert.Equal(Functions.LogGamma(3 + 1e-200) - Functions.LogGamma(1e-200), Functions.LogGammaDifference(3, 1e-200), 1e-13);
        Assert.Equal(Functions.Digamma(3 + 1e-200) - Functions.Digamma(1e-200), Functions.DigammaDifference(3, 1e-200), 1e-15 * 1e200);

        // y log φ at φ = 1e300 (where log Γ(φ) alone is 6.9e302).
        Assert.Equal(3 * Math.Log(1e300), Functions.LogGammaDifference(3, 1e300), 1e-15 * 3 * Math.Log(1e300));
        Assert.Equal(3e-300, Functions.DigammaDifference(3, 1e300), 1e-15 * 3e-300);
    }

    /// <summary>Neumaier's compensated sum.</summary>
    private struct CompensatedSum
    {
        private double _sum, _compensation;

        public readonly double Value => _sum + _compensation;

        public void Add(double term)
        {
            double t = _sum + term;
            _compensation += Math.Abs(_sum) >= Math.Abs(term) ? (_sum - t) + term : (term - t) + _sum;
            _sum = t;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.Intrinsics;
using MleGen.Tests.Fitting;
using Xunit;

namespace MleGen.Tests.Simd;

/// <summary>
/// <see cref="VectorKernels.NegativeBinomialDispersionInformation(Vector256{double}, Vector256{double})"/>, the φφ entry
/// of the negative binomial's expected information over vector lanes: each lane is the scalar twin's bits whatever the
/// other lanes (one φ for all lanes, from the thread's table, or a φ per lane), the value agrees with 50-digit mpmath
/// (tests/data/reference/nb_dispersion_information/reference.py) and with the survival-function form
/// (<c>Functions.NegativeBinomialDispersionInformationBySurvival</c>, an independent sum), the lanes outside the series'
/// domain are that form's, and the scalar kernels' <see cref="Functions.NegativeBinomialDispersionInformation"/> is the
/// lane twin (the scalar and vector information kernels give the entry the same bits).
/// </summary>
public class NegativeBinomialInformationKernelTests(ITestOutputHelper output)
{
    private static readonly double[] Means = [1e-300, 1e-6, 0.001, 0.3, 1, 2.5, 3.2, 10, 40, 150, 1000, 1e4, 5e4, 1e6, 1e12, 0, double.PositiveInfinity, double.NaN];
    private static readonly double[] Dispersions = [1e-3, 0.05, 0.5, 1, 1.7, 10, 300, 1e3, 1e5, 1e9, 1e14, double.PositiveInfinity, double.NaN];

    private static (double Mean, double Phi, double Information, double Expectation)[] Reference()
    {
        string[] lines = File.ReadAllLines(Path.Combine(ReferenceCase.Directory, "nb_dispersion_information", "reference.csv"));
        return lines.Skip(1).Select(line => line.Split(',').Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray())
            .Select(f => (f[0], f[1], f[2], f[3])).ToArray();
    }

    [Fact]
    public void LanesAreTheScalarTwinWithOneDispersionOrOnePerLane()
    {
        var pairs = new List<(double Mean, double Phi)>();
        foreach (double phi in Dispersions)
        {
            foreach (double mean in Means)
            {
                pairs.Add((mean, phi));
            }
        }

        int lanes = 0;
        var random = new Random(12);
        foreach (double phi in Dispersions)
        {
            // One φ in every lane (the table path), the means in shuffled blocks.
            double[] means = Means.OrderBy(_ => random.Next()).ToArray();
            for (int i = 0; i + 8 <= means.Length; i += 4)
            {
                lanes += Check(means.AsSpan(i, 8).ToArray(), Enumerable.Repeat(phi, 8).ToArray());
            }
        }

        // A φ per lane (the computed path).
        var shuffled = pairs.OrderBy(_ => random.Next()).ToArray();
        for (int i = 0; i + 8 <= shuffled.Length; i += 8)
        {
            lanes += Check(shuffled.Skip(i).Take(8).Select(p => p.Mean).ToArray(), shuffled.Skip(i).Take(8).Select(p => p.Phi).ToArray());
        }

        output.WriteLine($"{lanes} lanes equal to the scalar twin");

        static int Check(double[] mean, double[] phi)
        {
            Vector512<double> wide = VectorKernels.NegativeBinomialDispersionInformation(Vector512.Create(mean), Vector512.Create(phi));
            Vector256<double> low = VectorKernels.NegativeBinomialDispersionInformation(Vector256.Create(mean.AsSpan(0, 4)), Vector256.Create(phi.AsSpan(0, 4)));
            Vector256<double> high = VectorKernels.NegativeBinomialDispersionInformation(Vector256.Create(mean.AsSpan(4, 4)), Vector256.Create(phi.AsSpan(4, 4)));
            for (int k = 0; k < 8; k++)
            {
                double twin = VectorKernels.NegativeBinomialDispersionInformationLane(mean[k], phi[k]);
                Assert.Equal(BitConverter.DoubleToInt64Bits(twin), BitConverter.DoubleToInt64Bits(Functions.NegativeBinomialDispersionInformation(mean[k], phi[k])));
                Assert.Equal(BitConverter.DoubleToInt64Bits(twin), BitConverter.DoubleToInt64Bits(wide.GetElement(k)));
                Assert.Equal(BitConverter.DoubleToInt64Bits(twin), BitConverter.DoubleToInt64Bits((k < 4 ? low : high).GetElement(k % 4)));
            }

            return 24;
        }
    }

    [Fact]
    public void AgreesWithMpmath()
    {
        double worst = 0, worstScalar = 0;
        foreach (var (mean, phi, information, expectation) in Reference())
        {
            double vector = VectorKernels.NegativeBinomialDispersionInformation(Vector256.Create(mean), Vector256.Create(phi)).GetElement(0);
            double scalar = Functions.NegativeBinomialDispersionInformation(mean, phi);
            double survival = Functions.NegativeBinomialDispersionInformationBySurvival(mean, phi);

            // The information is E[…] − μ/(φ(φ + μ)), a difference: its rounding is relative to the expectation.
            // (The pmf's recurrence rounds a little at each term: 2.6e-13 after the ~15,000 terms of μ = 150, φ = 0.05, where the
            // survival form's error is 1.7e-13; that one is 1.8e-11 at μ = 1e-6, φ = 1e-3, where its stop at P(Y > j) &lt; 1e-15
            // comes early: printed, and why the scalar kernels use the pmf-weighted form.)
            double error = Math.Abs(vector - information) / expectation;
            worst = Math.Max(worst, error);
            worstScalar = Math.Max(worstScalar, Math.Abs(survival - information) / expectation);
            Assert.True(error <= 1e-12, $"μ = {mean}, φ = {phi}: {vector:R}, mpmath {information:R} (survival form {survival:R})");
            Assert.True(Math.Abs(scalar - information) / expectation <= 1e-12, $"μ = {mean}, φ = {phi}: scalar function {scalar:R}, mpmath {information:R}");
        }

        output.WriteLine($"largest |vector − mpmath| / E[ψ′(φ) − ψ′(Y + φ)] = {worst:E2} (the survival form's: {worstScalar:E2})");
    }

    /// <summary>
    /// Two independent sums of the same expectation: the pmf-weighted lanes against the survival-function form, from μ = 0.3
    /// and φ = 0.05 up (below, the survival form's own error grows: its stop at P(Y &gt; j) &lt; 1e-15 is early where
    /// P(Y &gt; 0) is small or 1/φ² large; see <see cref="AgreesWithMpmath"/>, mpmath is the reference there).
    /// </summary>
    [Fact]
    public void AgreesWithTheSurvivalForm()
    {
        double worst = 0;
        foreach (double phi in Dispersions.Where(phi => !(phi < 0.05)))
        {
            foreach (double mean in Means.Where(mean => !(mean < 0.3)))
            {
                double vector = VectorKernels.NegativeBinomialDispersionInformation(Vector512.Create(mean), Vector512.Create(phi)).GetElement(0);
                double scalar = Functions.NegativeBinomialDispersionInformationBySurvival(mean, phi);
                if (double.IsNaN(scalar))
                {
                    Assert.True(double.IsNaN(vector), $"μ = {mean}, φ = {phi}: {vector}, not NaN");
                    continue;
                }

                double scale = Math.Abs(scalar) + (mean / (phi * (phi + mean)));
                double error = scale == 0 || double.IsNaN(scale) ? Math.Abs(vector - scalar) : Math.Abs(vector - scalar) / scale;
                worst = Math.Max(worst, error);
                Assert.True(error <= 1e-12, $"μ = {mean}, φ = {phi}: {vector:R}, survival form {scalar:R}");
            }
        }

        output.WriteLine($"largest |vector − survival form| / E[ψ′(φ) − ψ′(Y + φ)] = {worst:E2}");
    }
}

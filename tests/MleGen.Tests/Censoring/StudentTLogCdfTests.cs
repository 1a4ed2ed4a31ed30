using System;
using System.Globalization;
using System.IO;
using System.Linq;
using MleGen.Tests.Fitting;
using Xunit;

namespace MleGen.Tests.Censoring;

/// <summary>
/// <see cref="Functions.StudentTLogCdf"/> (log F(z; ν) of the standard t, the censored StudentT's term) and its
/// derivatives: against 34-digit quadratures of the density (tests/data/reference/studentt_logcdf/reference.py, ν from
/// 0.1 to 1e8, |z| from 1e-8 to 1e8, both tails), against R's <c>pt(log.p = TRUE)</c> (reference_r.R), the z-derivatives
/// against differences of the log CDF, and the limits ν → ∞ and z = 0.
/// </summary>
public class StudentTLogCdfTests(ITestOutputHelper output)
{
    private static string Folder => Path.Combine(ReferenceCase.Directory, "studentt_logcdf");

    private static double[][] Read(string file)
    {
        string[] lines = File.ReadAllLines(Path.Combine(Folder, file));
        var rows = new double[lines.Length - 1][];
        for (int i = 1; i < lines.Length; i++)
        {
            rows[i - 1] = Array.ConvertAll(lines[i].Split(','), s => double.Parse(s, CultureInfo.InvariantCulture));
        }

        return rows;
    }

    /// <summary>|expected − actual| ≤ tolerance·|expected| (relative everywhere: these values reach 1e-200 and 1e9).</summary>
    private static void Near(double expected, double actual, double tolerance, string what) =>
        Assert.True(
            expected == actual || Math.Abs(expected - actual) <= tolerance * Math.Abs(expected),
            $"{what}: expected {expected:R}, actual {actual:R}");

    private static double Relative(double actual, double reference) =>
        actual == reference ? 0 : Math.Abs(actual - reference) / Math.Abs(reference);

    [Fact]
    public void LogCdfAndItsNuDerivativesAgreeWithQuadratureInBothTails()
    {
        double valueMax = 0, firstMax = 0, secondMax = 0, moderateMax = 0;
        string valueAt = "", firstAt = "", secondAt = "";
        int rows = 0;
        foreach (var row in Read("reference.csv"))
        {
            double nu = row[0], z = row[1];
            rows++;
            double e = Relative(Functions.StudentTLogCdf(nu, z), row[2]);
            if (!(e <= valueMax))
            {
                (valueMax, valueAt) = (e, $"ν = {nu}, z = {z}");
            }

            // log S(z) = log F(−z): the same row read from the other side.
            Assert.Equal(Functions.StudentTLogCdf(nu, z), Functions.StudentTLogCdf(nu, -(-z)));

            // The ν-derivatives relative to their own size, or where they pass through 0 (z ≈ 0; ν → ∞, where they are
            // O(1/ν²) differences of O(1/ν) terms) to the size 1e-7·max(1, |log F|)/ν (and /ν²) of those terms.
            double floor1 = 1e-7 * Math.Max(Math.Abs(row[2]), 1) / nu;
            e = Math.Abs(Functions.StudentTLogCdfNu(nu, z) - row[3]) / Math.Max(Math.Abs(row[3]), floor1);
            if (!(e <= firstMax))
            {
                (firstMax, firstAt) = (e, $"ν = {nu}, z = {z}");
            }

            // Plain relative errors where no cancellation floor is needed: ν ≤ 1e4, |z| ≥ 0.01.
            if (nu <= 1e4 && Math.Abs(z) >= 0.01)
            {
                moderateMax = Math.Max(moderateMax, Math.Max(Relative(Functions.StudentTLogCdfNu(nu, z), row[3]), Relative(Functions.StudentTLogCdfNu2(nu, z), row[4])));
            }

            e = Math.Abs(Functions.StudentTLogCdfNu2(nu, z) - row[4]) / Math.Max(Math.Abs(row[4]), floor1 / nu);
            if (!(e <= secondMax))
            {
                (secondMax, secondAt) = (e, $"ν = {nu}, z = {z}");
            }
        }

        output.WriteLine($"{rows} points; log F: max relative error {valueMax:E2} at {valueAt}");
        output.WriteLine($"∂ log F/∂ν: max relative error {firstMax:E2} at {firstAt}");
        output.WriteLine($"∂² log F/∂ν²: max relative error {secondMax:E2} at {secondAt}");
        output.WriteLine($"both ν-derivatives, ν ≤ 1e4 and |z| ≥ 0.01: max plain relative error {moderateMax:E2}");
        Assert.True(rows > 400, "the whole grid was read");
        Assert.True(valueMax <= 1e-13, $"log F {valueMax} at {valueAt}");
        Assert.True(firstMax <= 2e-8, $"∂ log F/∂ν {firstMax} at {firstAt}");
        Assert.True(secondMax <= 5e-8, $"∂² log F/∂ν² {secondMax} at {secondAt}");
        Assert.True(moderateMax <= 1e-10, $"ν-derivatives for ν ≤ 1e4: {moderateMax}");
    }

    [Fact]
    public void LogCdfAndLogSurvivalAgreeWithR()
    {
        double lowerMax = 0, upperMax = 0;
        string lowerAt = "", upperAt = "";
        foreach (var row in Read("r_pt.csv"))
        {
            double nu = row[0], z = row[1];
            if (nu > 4e5)
            {
                continue; // R's pt is a normal approximation there (pt.c); the quadrature test covers it
            }

            double e = Relative(Functions.StudentTLogCdf(nu, z), row[2]);
            if (!(e <= lowerMax))
            {
                (lowerMax, lowerAt) = (e, $"ν = {nu}, z = {z}");
            }

            e = Relative(Functions.StudentTLogCdf(nu, -z), row[3]);
            if (!(e <= upperMax))
            {
                (upperMax, upperAt) = (e, $"ν = {nu}, z = {z}");
            }
        }

        output.WriteLine($"vs pt(log.p = TRUE): max relative {lowerMax:E2} at {lowerAt}; lower.tail = FALSE: {upperMax:E2} at {upperAt}");
        Assert.True(lowerMax <= 1e-12, $"log F {lowerMax} at {lowerAt}");
        Assert.True(upperMax <= 1e-12, $"log S {upperMax} at {upperAt}");
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(1)]
    [InlineData(3.5)]
    [InlineData(40)]
    [InlineData(1e5)]
    public void ZDerivativesAndTheMixedOneMatchDifferences(double nu)
    {
        foreach (double z in new[] { -300, -25, -4, -1.3, -0.2, 0.05, 0.7, 2.2, 6, 30 })
        {
            // Steps small against the scale on which log F bends: the density's rate (ν + 1)|z|/(ν + z²) in z.
            double rate = (nu + 1) * Math.Abs(z) / (nu + (z * z));
            double h = 1e-4 * Math.Max(1, Math.Abs(z)) / Math.Max(1, rate * Math.Max(1, Math.Abs(z)));
            double dz = (Functions.StudentTLogCdf(nu, z + h) - Functions.StudentTLogCdf(nu, z - h)) / (2 * h);
            Near(dz, Functions.StudentTCdfRatio(nu, z), 1e-6, $"∂ log F/∂z at ν = {nu}, z = {z}");

            // r itself varies on the scale of |z|: a wider step keeps r's rounding (ε·|log F| relatively) out of the difference.
            double wide = 1e-5 * Math.Max(1, Math.Abs(z));
            double dzz = (Functions.StudentTCdfRatio(nu, z + wide) - Functions.StudentTCdfRatio(nu, z - wide)) / (2 * wide);
            // r (∂ log f/∂z − r) cancels far in the lower tail (r → (ν + 1)|z|/(ν + z²) there): r's ε·|log F| error is
            // amplified by about z², in the formula and in the difference alike.
            Near(dzz, Functions.StudentTCdfRatioZ(nu, z), Math.Abs(z) < 25 ? 1e-6 : 1e-4, $"∂² log F/∂z² at ν = {nu}, z = {z}");

            // The mixed derivative both ways: ∂/∂z of ∂ log F/∂ν and ∂/∂ν of ∂ log F/∂z.
            // ν's step: small against the scale 1/|∂ log r/∂ν| on which r varies, but no smaller than 1e-3·ν allows
            // (r's ε-level noise would swamp ∂r/∂ν ≈ 1e-9 at ν = 1e5).
            double mixed = Functions.StudentTCdfRatioNu(nu, z);
            double k = Math.Min(1e-3 * nu, 1e-4 / Math.Abs(mixed / Functions.StudentTCdfRatio(nu, z)));
            double viaZ = (Functions.StudentTLogCdfNu(nu, z + h) - Functions.StudentTLogCdfNu(nu, z - h)) / (2 * h);
            double viaNu = (Functions.StudentTCdfRatio(nu + k, z) - Functions.StudentTCdfRatio(nu - k, z)) / (2 * k);
            Near(viaZ, mixed, 1e-6, $"∂²/∂ν∂z via z at ν = {nu}, z = {z}");
            Near(viaNu, mixed, 1e-5, $"∂²/∂ν∂z via ν at ν = {nu}, z = {z}");
        }
    }

    [Fact]
    public void InfiniteDegreesOfFreedomIsTheNormal()
    {
        foreach (double z in new[] { -1e4, -40, -3, 0, 0.5, 8, 40 })
        {
            Assert.Equal(Functions.LogPhi(z), Functions.StudentTLogCdf(double.PositiveInfinity, z));
            Assert.Equal(0, Functions.StudentTLogCdfNu(double.PositiveInfinity, z));
            Assert.Equal(0, Functions.StudentTLogCdfNu2(double.PositiveInfinity, z));
            Assert.Equal(0, Functions.StudentTCdfRatioNu(double.PositiveInfinity, z));
            Near(Functions.NormalPdfRatio(z), Functions.StudentTCdfRatio(double.PositiveInfinity, z), 1e-13, $"ratio at {z}");

            // and a huge finite ν approaches it continuously (the t − normal gap is O(z⁴/ν) relatively)
            if (Math.Abs(z) <= 40)
            {
                Near(Functions.LogPhi(z), Functions.StudentTLogCdf(1e14, z), 1e-9, $"ν = 1e14, z = {z}");
            }
        }
    }

    [Fact]
    public void TheCentreTheExtremesAndInvalidArguments()
    {
        Assert.Equal(-Math.Log(2), Functions.StudentTLogCdf(3, 0), 15);
        Assert.Equal(0, Functions.StudentTLogCdfNu(3, 0));
        Assert.Equal(0, Functions.StudentTLogCdf(3, double.PositiveInfinity));
        Assert.Equal(double.NegativeInfinity, Functions.StudentTLogCdf(3, double.NegativeInfinity));

        // |z| beyond √(double.MaxValue): z² is never formed. The Cauchy (ν = 1) has a closed form to compare with.
        Near(Functions.CauchyLogCdf(-1e200), Functions.StudentTLogCdf(1, -1e200), 1e-14, "Cauchy lower tail at -1e200");

        // log F(1e200) ≈ −F(−1e200) ≈ −3e-201 comes from exp(log T), whose ≈ −460 carries ε·460 absolutely.
        Near(Functions.CauchyLogCdf(1e200), Functions.StudentTLogCdf(1, 1e200), 1e-12, "Cauchy upper tail at 1e200");
        foreach (double z in new[] { -1e6, -7, -0.3, 0.3, 7, 1e6 })
        {
            Near(Functions.CauchyLogCdf(z), Functions.StudentTLogCdf(1, z), 1e-14, $"Cauchy at {z}");
            Near(Functions.CauchyCdfRatio(z), Functions.StudentTCdfRatio(1, z), 1e-13, $"Cauchy ratio at {z}");
        }

        Assert.True(double.IsNaN(Functions.StudentTLogCdf(0, 1)));
        Assert.True(double.IsNaN(Functions.StudentTLogCdf(-2, 1)));
        Assert.True(double.IsNaN(Functions.StudentTLogCdf(double.NaN, 1)));
        Assert.True(double.IsNaN(Functions.StudentTLogCdf(3, double.NaN)));
        Assert.True(double.IsNaN(Functions.StudentTCdfRatio(3, double.NaN)));
    }

    /// <summary>
    /// The thread's cache of recent (ν, z) results, shared by the log CDF, its ν-derivatives and the ratios: 200 points
    /// (more than it holds) in one order, then each point's functions again in a shuffled order, then on a new thread (an
    /// empty cache): every answer is bit for bit the first, and a point differing in one argument gets its own answer.
    /// </summary>
    [Fact]
    public void CachedResultsAreTheEvaluationsBitForBit()
    {
        var rng = new Random(5);
        var points = Enumerable.Range(0, 200).Select(k => (Nu: 0.3 + (rng.NextDouble() * 60), Z: 0.05 + (rng.NextDouble() * 8))).Select((p, k) => k % 2 == 0 ? p : (Nu: p.Nu, Z: -p.Z)).ToArray();
        var first = points.Select(p => Evaluate(p.Nu, p.Z)).ToArray();
        foreach (int k in Enumerable.Range(0, 200).OrderBy(_ => rng.Next()))
        {
            Assert.Equal(first[k], Evaluate(points[k].Nu, points[k].Z));
            Assert.NotEqual(first[k][0], Functions.StudentTLogCdf(points[k].Nu, points[k].Z * 1.5));
            Assert.NotEqual(first[k][0], Functions.StudentTLogCdf(points[k].Nu * 1.5, points[k].Z));
        }

        double[][]? fresh = null;
        var thread = new System.Threading.Thread(() => fresh = points.Select(p => Evaluate(p.Nu, p.Z)).ToArray());
        thread.Start();
        thread.Join();
        Assert.Equal(first, fresh!);

        static double[] Evaluate(double nu, double z) =>
        [
            Functions.StudentTLogCdf(nu, z), Functions.StudentTLogCdfNu(nu, z), Functions.StudentTLogCdfNu2(nu, z),
            Functions.StudentTCdfRatio(nu, z), Functions.StudentTCdfRatioZ(nu, z), Functions.StudentTCdfRatioNu(nu, z),
        ];
    }
}

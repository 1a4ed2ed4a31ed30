using System;
using System.Collections.Generic;
using System.Runtime.Intrinsics;
using Xunit;

namespace MleGen.Tests.Simd;

/// <summary>
/// VectorMath against <see cref="Math"/> in ulps over wide random ranges (fixed seeds) and edge values, at every
/// width (8, 4 and the scalar twin), which must agree bit for bit; special values exactly as <see cref="Math"/>.
/// log1p is compared with Math.Log(u) + e/u where u + e = 1 + x exactly (Math has no log1p; the reference is then
/// as good as Math.Log); softplus with max(x, 0) + that log1p of Math.Exp(−|x|).
/// </summary>
public class VectorMathTests(ITestOutputHelper output)
{
    /// <summary>The asserted bound; the measured maxima are printed (docs/internals/simd.md has them).</summary>
    private const double MaxUlps = 2;

    private static readonly int[] Widths = [8, 4, 1];

    [Fact]
    public void ExpIsWithinTwoUlpsOfMathExp()
    {
        var random = new Random(1201);
        var x = new List<double>();
        Uniform(x, random, -745.2, 709.8, 40_000);
        Uniform(x, random, -1, 1, 5_000);
        LogUniform(x, random, 1e-300, 1e-3, 5_000);
        x.AddRange([0.0, -0.0, 1, -1, 0.5 * Math.Log(2), -0.5 * Math.Log(2), 709.782712893384, 709.7827128933841, 709.79, 710, 711, 1e308,
            -708.3964185322641, -708.4, -720, -745.1332191019411, -745.1332191019412, -745.14, -746, -800, -1e308,
            double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, double.PositiveInfinity, double.NegativeInfinity, double.NaN]);
        Check<VectorMath.ExpFunction>("exp", x.ToArray(), Math.Exp);
    }

    [Fact]
    public void LogIsWithinTwoUlpsOfMathLog()
    {
        var random = new Random(1202);
        var x = new List<double>();
        for (int i = 0; i < 40_000; i++)
        {
            // Every positive finite double equally likely by bit pattern: all binades, subnormals included.
            x.Add(BitConverter.Int64BitsToDouble(random.NextInt64(1, 0x7FF0000000000000)));
        }

        Uniform(x, random, 0.5, 2, 10_000);
        Uniform(x, random, 1 - 1e-6, 1 + 1e-6, 2_000);
        x.AddRange([1, Math.Sqrt(2), Math.BitIncrement(Math.Sqrt(2)), Math.BitDecrement(Math.Sqrt(2)), Math.Sqrt(0.5), 2, 0.5, Math.E,
            double.Epsilon, 2.2250738585072014E-308, Math.BitDecrement(2.2250738585072014E-308), double.MaxValue,
            0.0, -0.0, -1, -double.Epsilon, double.PositiveInfinity, double.NegativeInfinity, double.NaN]);
        Check<VectorMath.LogFunction>("log", x.ToArray(), Math.Log);
    }

    [Fact]
    public void Log1pIsWithinTwoUlpsOfTheCorrectedLog()
    {
        var random = new Random(1203);
        var x = new List<double>();
        Uniform(x, random, -1, 1, 20_000);
        LogUniform(x, random, 1e-320, 1, 10_000);
        LogUniform(x, random, -1, -1e-320, 10_000);
        LogUniform(x, random, 1, 1e308, 5_000);
        Uniform(x, random, -1, -0.999999, 2_000);
        x.AddRange([0.0, -0.0, double.Epsilon, -double.Epsilon, 1e-17, -1e-17, 1.1e-16, -1.1e-16, -0.5, 0.5, -0.2928932188134524,
            0.41421356237309515, 1, -1, Math.BitIncrement(-1.0), -1.0000000000000002, -2, double.MaxValue,
            double.PositiveInfinity, double.NegativeInfinity, double.NaN]);
        Check<VectorMath.Log1pFunction>("log1p", x.ToArray(), ReferenceLog1p);
    }

    [Fact]
    public void SoftplusAndLogSigmoidAreWithinTwoUlpsAndStableInTheTails()
    {
        var random = new Random(1204);
        var x = new List<double>();
        Uniform(x, random, -750, 750, 20_000);
        Uniform(x, random, -40, 40, 20_000);
        LogUniform(x, random, 1e-300, 1, 2_000);
        LogUniform(x, random, -1, -1e-300, 2_000);
        x.AddRange([0.0, -0.0, 1, -1, 36.7, 37, -36.7, -37, 709.8, 710, -745, -746, 800, -800, double.MaxValue, double.MinValue,
            double.Epsilon, double.PositiveInfinity, double.NegativeInfinity, double.NaN]);
        double[] values = x.ToArray();
        Check<VectorMath.SoftplusFunction>("softplus", values, ReferenceSoftplus);
        Check<VectorMath.LogSigmoidFunction>("log-sigmoid", values, v => -ReferenceSoftplus(-v));

        // The tails a naive log(1 + exp(x)) gets wrong: x itself above, eˣ (not 0) below, no overflow.
        Assert.Equal(800.0, VectorMath.Softplus(800.0));
        Assert.Equal(Math.Exp(-700), VectorMath.Softplus(-700.0), 1e-15 * Math.Exp(-700));
        Assert.Equal(-800.0, VectorMath.LogSigmoid(-800.0));
    }

    [Fact]
    public void ThePublicSpanFunctionsUseThePreferredWidthAndTheScalarRemainder()
    {
        // 4·8 + 3 elements: full blocks at either width and a scalar remainder of 3.
        double[] x = new double[35];
        var random = new Random(1205);
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = 40 * random.NextDouble() - 20;
        }

        int expectedWidth = Vector512.IsHardwareAccelerated ? 8 : Vector256.IsHardwareAccelerated ? 4 : 1;
        Assert.Equal(expectedWidth, VectorMath.PreferredWidth);
        double[] viaSpan = new double[x.Length], scalar = new double[x.Length];
        VectorMath.Softplus(x, viaSpan);
        VectorMath.Apply<VectorMath.SoftplusFunction>(x, scalar, 1);
        Assert.Equal(scalar, viaSpan);
        Assert.Throws<ArgumentException>(() => VectorMath.Exp(x, new double[3]));
    }

    [Fact]
    public void SpanFunctionsAllocateNothing()
    {
        double[] x = new double[1003], y = new double[1003];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = i * 0.01;
        }

        foreach (int width in Widths)
        {
            Assert.Equal(0, AllocationProbe.Fewest(() =>
            {
                VectorMath.Apply<VectorMath.ExpFunction>(x, y, width);
                VectorMath.Apply<VectorMath.LogFunction>(x, y, width);
                VectorMath.Apply<VectorMath.Log1pFunction>(x, y, width);
                VectorMath.Apply<VectorMath.SoftplusFunction>(x, y, width);
                VectorMath.Apply<VectorMath.LogSigmoidFunction>(x, y, width);
            }));
        }
    }

    /// <summary>Every width against the reference (ulps, special values exactly) and the widths against each other (bits).</summary>
    private void Check<TFunction>(string name, double[] x, Func<double, double> reference)
        where TFunction : struct, VectorMath.IVectorFunction
    {
        double[] scalar = new double[x.Length];
        VectorMath.Apply<TFunction>(x, scalar, 1);
        double worst = 0, worstAt = double.NaN;
        for (int i = 0; i < x.Length; i++)
        {
            double expected = reference(x[i]);
            if (!double.IsFinite(expected) || expected == 0)
            {
                // NaN, ±∞ and signed zeros exactly.
                Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(scalar[i]) || (double.IsNaN(expected) && double.IsNaN(scalar[i])),
                    $"{name}({x[i]:R}) = {scalar[i]:R}, Math gives {expected:R}");
                continue;
            }

            double ulps = Ulps(scalar[i], expected);
            if (!(ulps <= worst))
            {
                worst = ulps;
                worstAt = x[i];
            }
        }

        output.WriteLine($"{name}: max {worst:F3} ulp at x = {worstAt:R} over {x.Length} arguments (FMA: {VectorMath.UsesFusedMultiplyAdd})");
        Assert.True(worst <= MaxUlps, $"{name}: {worst} ulp at x = {worstAt:R}");

        foreach (int width in Widths)
        {
            double[] vector = new double[x.Length];
            VectorMath.Apply<TFunction>(x, vector, width);
            for (int i = 0; i < x.Length; i++)
            {
                Assert.True(BitConverter.DoubleToInt64Bits(scalar[i]) == BitConverter.DoubleToInt64Bits(vector[i]) || (double.IsNaN(scalar[i]) && double.IsNaN(vector[i])),
                    $"{name}({x[i]:R}): width {width} gives {vector[i]:R}, the scalar twin {scalar[i]:R}");
            }
        }
    }

    private static double Ulps(double actual, double expected)
    {
        if (!double.IsFinite(actual))
        {
            return double.PositiveInfinity;
        }

        double magnitude = Math.Abs(expected);
        double ulp = magnitude == double.MaxValue ? magnitude - Math.BitDecrement(magnitude) : Math.BitIncrement(magnitude) - magnitude;
        return Math.Abs(actual - expected) / ulp;
    }

    private static double ReferenceLog1p(double x)
    {
        if (double.IsNaN(x) || x == 0 || x == double.PositiveInfinity)
        {
            return x;
        }

        if (x <= -1)
        {
            return x == -1 ? double.NegativeInfinity : double.NaN;
        }

        double u = 1 + x, back = u - 1;
        double error = (1 - (u - back)) + (x - back);
        return Math.Log(u) + (error / u);
    }

    private static double ReferenceSoftplus(double x) =>
        double.IsNaN(x) ? x : Math.Max(x, 0) + ReferenceLog1p(Math.Exp(-Math.Abs(x)));

    private static void Uniform(List<double> x, Random random, double low, double high, int count)
    {
        for (int i = 0; i < count; i++)
        {
            x.Add(low + ((high - low) * random.NextDouble()));
        }
    }

    private static void LogUniform(List<double> x, Random random, double low, double high, int count)
    {
        double sign = Math.Sign(low), a = Math.Log(Math.Abs(low)), b = Math.Log(Math.Abs(high));
        for (int i = 0; i < count; i++)
        {
            x.Add(sign * Math.Exp(a + ((b - a) * random.NextDouble())));
        }
    }
}

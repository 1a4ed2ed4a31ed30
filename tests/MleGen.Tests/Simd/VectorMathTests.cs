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

    /// <summary>
    /// Against 200-bit mpmath values (as the nearest double plus the rest: tests/data/reference/vectormath/true_ulp.py),
    /// including the arguments where the sweeps above found their maxima: the true errors there are at most 1.2 ulp
    /// (the sweeps' 2 ulp is partly their references' own error).
    /// </summary>
    [Theory]
    [InlineData("Exp", -364.8910007995046, 3.3872859179264756e-159, 2.3656410299709074e-175)]
    [InlineData("Exp", 572.9110765887435, 6.488124631830215e+248, 2.2845758473613124e+232)]
    [InlineData("Exp", 1.0, 2.718281828459045, 1.4456468917292502e-16)]
    [InlineData("Exp", -0.3, 0.7408182206817179, -1.805530505953e-18)]
    [InlineData("Exp", 0.34, 1.4049475905635938, 8.000517253714439e-17)]
    [InlineData("Exp", 700.0, 1.0142320547350045e+304, 1.6666571920734673e+287)]
    [InlineData("Exp", -707.5, 5.453232991066742e-308, -0.0)]
    [InlineData("Exp", -740.0, 4.2e-322, -0.0)]
    [InlineData("Log", 185.24779100278613, 5.221694339693689, 4.357079727107935e-16)]
    [InlineData("Log", 1.6098953528310835, 0.4761691786423314, -1.547061555888176e-17)]
    [InlineData("Log", 0.7071, -0.346583180371942, 2.3156292029870996e-17)]
    [InlineData("Log", 1.4142, 0.3465640001880033, -9.164391062923835e-18)]
    [InlineData("Log", 1e-310, -713.8013788281542, -8.592254740270771e-15)]
    [InlineData("Log", 1.0000001, 9.999999505838704e-08, 1.5249709528441489e-24)]
    [InlineData("Log", 0.9999999, -1.0000000494736474e-07, -5.529865283193222e-24)]
    [InlineData("Log", 1e+300, 690.7755278982137, 2.3747660028800243e-14)]
    [InlineData("Log1p", -1.7287903414433277e-16, -1.728790341443328e-16, 9.70832306481793e-33)]
    [InlineData("Log1p", 0.5904299628328262, 0.4640043965520782, -1.6488938955288494e-17)]
    [InlineData("Log1p", -0.2928, -0.3464417676587034, 1.8550319673500328e-18)]
    [InlineData("Log1p", 0.4142, 0.3465640001880034, 1.3829833510171086e-17)]
    [InlineData("Log1p", 1e-10, 9.999999999500001e-11, -3.389513322121794e-27)]
    [InlineData("Log1p", -1e-10, -1.00000000005e-10, -3.3901799887884606e-27)]
    [InlineData("Log1p", -0.999999, -13.815510557935518, -4.739035188150217e-16)]
    [InlineData("Log1p", 3.5e+200, 461.7697815673045, -8.252429204337212e-16)]
    [InlineData("Softplus", -17.777247944743067, 1.903002286228036e-08, -2.372189822655757e-26)]
    [InlineData("Softplus", -7.384402459528701, 0.0006206688878948056, 9.319174601434828e-21)]
    [InlineData("Softplus", 0.0, 0.6931471805599453, 2.3190468138462996e-17)]
    [InlineData("Softplus", 1.0, 1.3132616875182228, 2.515869523777819e-17)]
    [InlineData("Softplus", -1.0, 0.3132616875182228, 2.515869523777819e-17)]
    [InlineData("Softplus", 30.0, 30.000000000000092, 1.2056740395843437e-15)]
    [InlineData("Softplus", -700.0, 9.85967654375977e-305, 8.5e-322)]
    [InlineData("Softplus", 35.0, 35.0, 6.305116760146987e-16)]
    [InlineData("LogSigmoid", 21.42801311399228, -4.942334624929693e-10, -1.1808603501406075e-26)]
    [InlineData("LogSigmoid", 7.263654614595083, -0.0007002978706278901, -1.9767106359429233e-20)]
    [InlineData("LogSigmoid", 0.0, -0.6931471805599453, -2.3190468138462996e-17)]
    [InlineData("LogSigmoid", 1.0, -0.3132616875182228, -2.515869523777819e-17)]
    [InlineData("LogSigmoid", -1.0, -1.3132616875182228, -2.515869523777819e-17)]
    [InlineData("LogSigmoid", -30.0, -30.000000000000092, -1.2056740395843437e-15)]
    [InlineData("LogSigmoid", 700.0, -9.85967654375977e-305, -8.5e-322)]
    [InlineData("LogSigmoid", -35.0, -35.0, -6.305116760146987e-16)]
    public void AgreesWithMpmathAt(string function, double x, double nearest, double rest)
    {
        double actual = function switch
        {
            "Exp" => VectorMath.Exp(x),
            "Log" => VectorMath.Log(x),
            "Log1p" => VectorMath.Log1p(x),
            "Softplus" => VectorMath.Softplus(x),
            _ => VectorMath.LogSigmoid(x),
        };
        double magnitude = Math.Abs(nearest), ulp = Math.BitIncrement(magnitude) - magnitude;
        double error = Math.Abs((actual - nearest) - rest) / ulp;
        Assert.True(error <= 1.25, $"{function}({x:R}) = {actual:R}: {error:F3} ulp from the 200-bit value");
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

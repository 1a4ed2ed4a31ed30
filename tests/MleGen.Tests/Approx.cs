using System;
using Xunit;

namespace MleGen.Tests;

/// <summary>Relative-tolerance assertions for numerical tests.</summary>
internal static class Approx
{
    public const double LogTwoPi = 1.8378770664093454835606594728112;

    /// <summary>|expected − actual| ≤ tolerance·max(1, |expected|); infinities must match exactly.</summary>
    public static void Equal(double expected, double actual, double tolerance = 1e-12)
    {
        if (double.IsInfinity(expected) || double.IsNaN(expected))
        {
            Assert.Equal(expected, actual);
            return;
        }

        double error = Math.Abs(expected - actual);
        Assert.True(
            error <= tolerance * Math.Max(1, Math.Abs(expected)),
            $"expected {expected:R}, actual {actual:R}, difference {error:R}");
    }

    /// <summary>Asserts that constructing throws <see cref="ArgumentOutOfRangeException"/> naming <paramref name="parameter"/> with a message containing <paramref name="fragment"/>.</summary>
    public static void ThrowsOutOfRange(string parameter, string fragment, Action construct)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(construct);
        Assert.Equal(parameter, exception.ParamName);
        Assert.Contains(fragment, exception.Message, StringComparison.Ordinal);
    }
}

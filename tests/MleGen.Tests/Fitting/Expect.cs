using System;
using Xunit;

namespace MleGen.Tests.Fitting;

internal static class Expect
{
    /// <summary>|actual − expected| ≤ tol·|expected|.</summary>
    public static void Relative(double expected, double actual, double tolerance, string what)
    {
        double error = Math.Abs(actual - expected);
        Assert.True(error <= tolerance * Math.Abs(expected),
            $"{what}: expected {expected:R}, got {actual:R} (relative error {error / Math.Abs(expected):G3} > {tolerance:G3})");
    }
}

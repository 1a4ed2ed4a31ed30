using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace MleGen;

/// <summary>Argument checks shared by the family constructors; messages read "sd must be positive, was -1".</summary>
internal static class FamilyArguments
{
    /// <summary>Throws unless <paramref name="value"/> is finite.</summary>
    public static void ThrowIfNotFinite(double value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (!double.IsFinite(value))
        {
            throw Fail(name, value, "must be finite");
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is positive and finite.</summary>
    public static void ThrowIfNotPositive(double value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (!(value > 0) || double.IsPositiveInfinity(value))
        {
            throw Fail(name, value, "must be positive and finite");
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is positive (positive infinity allowed).</summary>
    public static void ThrowIfNotPositiveOrInfinity(double value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (!(value > 0))
        {
            throw Fail(name, value, "must be positive");
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is non-negative and finite.</summary>
    public static void ThrowIfNegative(double value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (!(value >= 0) || double.IsPositiveInfinity(value))
        {
            throw Fail(name, value, "must be non-negative and finite");
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is a probability in [0, 1].</summary>
    public static void ThrowIfNotProbability(double value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (!(value >= 0 && value <= 1))
        {
            throw Fail(name, value, "must be a probability in [0, 1]");
        }
    }

    /// <summary>Throws when the integer <paramref name="value"/> is negative.</summary>
    public static void ThrowIfNegative(int value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value < 0)
        {
            throw Fail(name, value, "must be non-negative");
        }
    }

    /// <summary>Builds the exception "<paramref name="name"/> <paramref name="requirement"/>, was <paramref name="value"/>".</summary>
    public static ArgumentOutOfRangeException Fail(string name, double value, string requirement) =>
        new(name, $"{name} {requirement}, was {value.ToString("R", CultureInfo.InvariantCulture)}");

    /// <summary>Builds the exception for an integer argument.</summary>
    public static ArgumentOutOfRangeException Fail(string name, int value, string requirement) =>
        new(name, $"{name} {requirement}, was {value.ToString(CultureInfo.InvariantCulture)}");
}

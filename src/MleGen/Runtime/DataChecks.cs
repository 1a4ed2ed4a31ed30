using System;
using System.ComponentModel;
using System.Globalization;

namespace MleGen;

/// <summary>Data validation used by generated code; each failure is a <see cref="ModelDataException"/> naming the member and index.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class DataChecks
{
    /// <summary>Throws when <paramref name="value"/> is null.</summary>
    public static void RequireNotNull(object? value, string member)
    {
        if (value is null)
        {
            throw new ModelDataException(member, -1, "is null.");
        }
    }

    /// <summary>Throws when <paramref name="values"/> is empty.</summary>
    public static void RequireNotEmpty(Array values, string member)
    {
        if (values.Length == 0)
        {
            throw new ModelDataException(member, -1, "is empty: a likelihood term needs at least one observation.");
        }
    }

    /// <summary>Throws at the first NaN or infinite element.</summary>
    public static void RequireFinite(double[] values, string member)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ModelDataException(member, i, "is " + Format(values[i]) + "; data must be finite numbers.");
            }
        }
    }

    /// <summary>Throws at the first NaN or infinite element, naming its row and column.</summary>
    public static void RequireFinite(double[,] values, string member)
    {
        int columns = values.GetLength(1);
        for (int r = 0; r < values.GetLength(0); r++)
        {
            for (int c = 0; c < columns; c++)
            {
                if (!double.IsFinite(values[r, c]))
                {
                    throw new ModelDataException(member, r * columns + c, "element [" + r.ToString(CultureInfo.InvariantCulture) + ", " + c.ToString(CultureInfo.InvariantCulture) + "] is " + Format(values[r, c]) + "; data must be finite numbers.");
                }
            }
        }
    }

    /// <summary>Throws when a scalar datum is NaN or infinite.</summary>
    public static void RequireFinite(double value, string member)
    {
        if (!double.IsFinite(value))
        {
            throw new ModelDataException(member, -1, "is " + Format(value) + "; data must be finite numbers.");
        }
    }

    /// <summary>Throws at the first NaN element (±∞ allowed: the family argument it feeds checks its own domain).</summary>
    public static void RequireNotNaN(double[] values, string member)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]))
            {
                throw new ModelDataException(member, i, "is NaN; data must be numbers.");
            }
        }
    }

    /// <summary>Throws when a scalar datum is NaN (±∞ allowed: the family argument it feeds checks its own domain).</summary>
    public static void RequireNotNaN(double value, string member)
    {
        if (double.IsNaN(value))
        {
            throw new ModelDataException(member, -1, "is NaN; data must be numbers.");
        }
    }

    /// <summary>Throws when a dimension does not have the length the model reads it with.</summary>
    public static void RequireLength(int actual, int expected, string member, string what)
    {
        if (actual != expected)
        {
            throw new ModelDataException(member, -1, what + " is " + actual.ToString(CultureInfo.InvariantCulture) + " but must be " + expected.ToString(CultureInfo.InvariantCulture) + ".");
        }
    }

    /// <summary>The exception for an observation outside its family's support.</summary>
    public static ModelDataException OutsideSupport(string member, int index, double value, string family, string support) =>
        new(member, index, "is " + Format(value) + ", outside the support of " + family + " (" + support + ").");

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

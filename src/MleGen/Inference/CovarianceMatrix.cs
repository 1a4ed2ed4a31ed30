using System;
using System.Globalization;

namespace MleGen;

/// <summary>
/// The p×p covariance of a fit's estimates, read-only: elements are read in place (<c>fit.Covariance[i, j]</c>,
/// no copy per access); <see cref="ToArray"/> or an assignment to <c>double[,]</c> makes one copy you own.
/// </summary>
public sealed class CovarianceMatrix
{
    private readonly double[,] _values;

    internal CovarianceMatrix(double[,] values) => _values = values;

    /// <summary>The matrix itself, for the library's own read-only use (no copy).</summary>
    internal double[,] Values => _values;

    /// <summary>p, the number of rows and columns (the fit's parameters, in θ order).</summary>
    public int Size => _values.GetLength(0);

    /// <summary>The covariance of parameters <paramref name="row"/> and <paramref name="column"/> (θ indices).</summary>
    /// <exception cref="IndexOutOfRangeException">An index is outside 0…<see cref="Size"/> − 1.</exception>
    public double this[int row, int column] => _values[row, column];

    /// <summary>A copy of the matrix.</summary>
    public double[,] ToArray() => (double[,])_values.Clone();

    /// <summary>A copy of the matrix (<c>double[,] cov = fit.Covariance;</c>): changing it does not change the fit.</summary>
    public static implicit operator double[,](CovarianceMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return matrix.ToArray();
    }

    /// <summary>"3×3 covariance".</summary>
    public override string ToString() => Size.ToString(CultureInfo.InvariantCulture) + "×" + Size.ToString(CultureInfo.InvariantCulture) + " covariance";
}

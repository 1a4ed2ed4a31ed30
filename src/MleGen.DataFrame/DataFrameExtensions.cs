using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Data.Analysis;

namespace MleGen;

/// <summary>
/// From a <see cref="DataFrame"/> (Microsoft.Data.Analysis) to MleGen's inputs: a <see cref="ModelFrame"/>
/// (numeric columns as numbers, string and bool columns as factors) and plain arrays for responses.
/// Missing values (nulls) are an error naming the column and row: drop or impute them first.
/// </summary>
/// <remarks>
/// <c>DataFrame.LoadCsv</c> guesses <see cref="float"/> for numeric columns, which keeps only about 7
/// digits (4.2 becomes 4.19999981); pass <c>dataTypes</c> to read them as <see cref="double"/>.
/// </remarks>
public static class DataFrameExtensions
{
    /// <summary>
    /// A model frame of <paramref name="columns"/> (every column when null): numeric columns (any
    /// primitive number type) as numeric variables, string columns as factors (levels sorted ordinally
    /// unless <paramref name="levels"/> gives them), bool columns as factors with levels FALSE, TRUE (so
    /// the indicator is named <c>xTRUE</c>, as R names a logical's).
    /// </summary>
    /// <example><code>
    /// DataFrame df = DataFrame.LoadCsv("warpbreaks.csv");
    /// DesignMatrix design = df.ToModelFrame(["wool", "tension"], new Dictionary&lt;string, IReadOnlyList&lt;string&gt;&gt; { ["tension"] = ["L", "M", "H"] })
    ///     .Design("wool * tension");
    /// int[] breaks = df["breaks"].ToInt32Array();
    /// </code></example>
    /// <exception cref="ArgumentException">A column is missing, holds a null, or has a type that is neither a number, a string nor a bool (the message names it).</exception>
    public static ModelFrame ToModelFrame(this DataFrame frame, IEnumerable<string>? columns = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? levels = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var model = new ModelFrame();
        foreach (string name in columns ?? ColumnNames(frame))
        {
            DataFrameColumn column = Column(frame, name);
            Type type = column.DataType;
            if (type == typeof(string))
            {
                model.AddFactor(name, ToStringArray(column), levels is not null && levels.TryGetValue(name, out IReadOnlyList<string>? given) ? given : null);
            }
            else if (type == typeof(bool))
            {
                string[] text = Array.ConvertAll(ToBooleanArray(column), b => b ? "TRUE" : "FALSE");
                model.AddFactor(name, text, ["FALSE", "TRUE"]);
            }
            else
            {
                model.Add(name, ToDoubleArray(column));
            }
        }

        return model;
    }

    /// <summary>The column's values as doubles (any primitive number type).</summary>
    /// <exception cref="ArgumentException">A null at some row, or a column that is not numeric.</exception>
    public static double[] ToDoubleArray(this DataFrameColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        RequireNumeric(column);
        var values = new double[column.Length];
        for (long i = 0; i < column.Length; i++)
        {
            values[i] = Convert.ToDouble(NotNull(column, i), CultureInfo.InvariantCulture);
        }

        return values;
    }

    /// <summary>The column's values as ints (counts, classes): numbers that are whole and within the int range.</summary>
    /// <exception cref="ArgumentException">A null, a fraction or an out-of-range value at some row, or a column that is not numeric.</exception>
    public static int[] ToInt32Array(this DataFrameColumn column)
    {
        double[] values = ToDoubleArray(column);
        var ints = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            ints[i] = v == Math.Floor(v) && v >= int.MinValue && v <= int.MaxValue
                ? (int)v
                : throw new ArgumentException($"Column '{column.Name}', row {i.ToString(CultureInfo.InvariantCulture)}: {v.ToString(CultureInfo.InvariantCulture)} is not a whole number in the int range.", nameof(column));
        }

        return ints;
    }

    /// <summary>The values of a bool column.</summary>
    /// <exception cref="ArgumentException">A null at some row, or a column that is not bool.</exception>
    public static bool[] ToBooleanArray(this DataFrameColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (column.DataType != typeof(bool))
        {
            throw new ArgumentException($"Column '{column.Name}' holds {column.DataType.Name}, not bool.", nameof(column));
        }

        var values = new bool[column.Length];
        for (long i = 0; i < column.Length; i++)
        {
            values[i] = (bool)NotNull(column, i);
        }

        return values;
    }

    private static string[] ToStringArray(DataFrameColumn column)
    {
        var values = new string[column.Length];
        for (long i = 0; i < column.Length; i++)
        {
            values[i] = (string)NotNull(column, i);
        }

        return values;
    }

    private static object NotNull(DataFrameColumn column, long row) =>
        column[row] ?? throw new ArgumentException($"Column '{column.Name}', row {row.ToString(CultureInfo.InvariantCulture)}: the value is missing (null); drop or impute missing values first.", nameof(column));

    private static void RequireNumeric(DataFrameColumn column)
    {
        Type t = column.DataType;
        bool numeric = t == typeof(double) || t == typeof(float) || t == typeof(decimal) || t == typeof(int) || t == typeof(long)
            || t == typeof(short) || t == typeof(byte) || t == typeof(sbyte) || t == typeof(uint) || t == typeof(ulong) || t == typeof(ushort);
        if (!numeric)
        {
            throw new ArgumentException($"Column '{column.Name}' holds {t.Name}: only numbers, strings (factors) and bools (factors) go into a model frame.", nameof(column));
        }
    }

    private static DataFrameColumn Column(DataFrame frame, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        int index = frame.Columns.IndexOf(name);
        return index >= 0 ? frame.Columns[index] : throw new ArgumentException($"The data frame has no column '{name}'.", nameof(frame));
    }

    private static IEnumerable<string> ColumnNames(DataFrame frame)
    {
        foreach (DataFrameColumn column in frame.Columns)
        {
            yield return column.Name;
        }
    }
}

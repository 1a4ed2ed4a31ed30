using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace MleGen.Samples;

/// <summary>Reads the bundled CSV files: a header row, then numbers.</summary>
internal sealed class Csv
{
    private readonly string[] _columns;
    private readonly double[][] _rows;

    private Csv(string[] columns, double[][] rows)
    {
        _columns = columns;
        _rows = rows;
    }

    public int RowCount => _rows.Length;

    public static Csv Load(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data", name + ".csv"))
            .Where(line => line.Length > 0)
            .ToArray();
        var rows = lines.Skip(1)
            .Select(line => line.Split(',').Select(cell => double.Parse(cell, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        return new Csv(lines[0].Split(','), rows);
    }

    public double[] Column(string name)
    {
        int k = Array.IndexOf(_columns, name);
        if (k < 0)
        {
            throw new ArgumentException("No column " + name + " in the data.", nameof(name));
        }

        return _rows.Select(row => row[k]).ToArray();
    }

    public int[] IntColumn(string name) => Column(name).Select(v => (int)v).ToArray();

    public double[,] Matrix(params string[] names)
    {
        var matrix = new double[RowCount, names.Length];
        for (int j = 0; j < names.Length; j++)
        {
            var column = Column(names[j]);
            for (int i = 0; i < RowCount; i++)
            {
                matrix[i, j] = column[i];
            }
        }

        return matrix;
    }
}

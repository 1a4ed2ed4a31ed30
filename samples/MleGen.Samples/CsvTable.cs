using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Sylvan.Data.Csv;

namespace MleGen.Samples;

/// <summary>A bundled CSV file (data/NAME.csv) read with Sylvan.Data.Csv: its columns as text, as numbers or as a matrix.</summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, List<string>> _columns;

    private CsvTable(Dictionary<string, List<string>> columns, int rowCount)
    {
        _columns = columns;
        RowCount = rowCount;
    }

    public int RowCount { get; }

    public static CsvTable Load(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "data", name + ".csv");
        using CsvDataReader reader = CsvDataReader.Create(path, new CsvDataReaderOptions { Culture = CultureInfo.InvariantCulture });
        var columns = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (int c = 0; c < reader.FieldCount; c++)
        {
            columns[reader.GetName(c)] = [];
        }

        int rows = 0;
        while (reader.Read())
        {
            for (int c = 0; c < reader.FieldCount; c++)
            {
                columns[reader.GetName(c)].Add(reader.GetString(c));
            }

            rows++;
        }

        return new CsvTable(columns, rows);
    }

    /// <summary>A column as text (a factor's levels).</summary>
    public string[] Text(string name) => Get(name).ToArray();

    public double[] Column(string name) => Get(name).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();

    public int[] IntColumn(string name) => Get(name).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();

    public double[,] Matrix(params string[] names)
    {
        var matrix = new double[RowCount, names.Length];
        for (int j = 0; j < names.Length; j++)
        {
            double[] column = Column(names[j]);
            for (int i = 0; i < RowCount; i++)
            {
                matrix[i, j] = column[i];
            }
        }

        return matrix;
    }

    private List<string> Get(string name) =>
        _columns.TryGetValue(name, out List<string>? column) ? column : throw new ArgumentException($"No column {name} in the data (it has {string.Join(", ", _columns.Keys)}).", nameof(name));
}

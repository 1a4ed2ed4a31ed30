using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace MleGen.Tests.Fitting;

/// <summary>One case of the in-repository reference copy (tests/data/reference): its data columns and expected.json.</summary>
internal sealed class ReferenceCase
{
    private readonly JsonElement _root;

    private ReferenceCase(string name, Dictionary<string, double[]> columns, JsonElement root)
    {
        Name = name;
        Columns = columns;
        _root = root;
    }

    public string Name { get; }

    public IReadOnlyDictionary<string, double[]> Columns { get; }

    public int RowCount => Columns.Count == 0 ? 0 : Columns.Values.GetEnumerator() is var e && e.MoveNext() ? e.Current.Length : 0;

    public JsonElement Root => _root;

    public static string Directory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MleGen.sln")))
            {
                dir = dir.Parent;
            }

            if (dir is null)
            {
                throw new InvalidOperationException("MleGen.sln not found above " + AppContext.BaseDirectory);
            }

            return Path.Combine(dir.FullName, "tests", "data", "reference");
        }
    }

    public static ReferenceCase Load(string name)
    {
        string folder = Path.Combine(Directory, name);
        string[] lines = File.ReadAllLines(Path.Combine(folder, "data.csv"));
        string[] header = lines[0].Split(',');
        var values = new List<double>[header.Length];
        for (int c = 0; c < header.Length; c++)
        {
            values[c] = [];
        }

        for (int r = 1; r < lines.Length; r++)
        {
            if (lines[r].Trim().Length == 0)
            {
                continue;
            }

            string[] cells = lines[r].Split(',');
            for (int c = 0; c < header.Length; c++)
            {
                values[c].Add(double.Parse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture));
            }
        }

        var columns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (int c = 0; c < header.Length; c++)
        {
            columns[header[c].Trim().Trim('"')] = values[c].ToArray();
        }

        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "expected.json")));
        return new ReferenceCase(name, columns, doc.RootElement.Clone());
    }

    public JsonElement Parameter(string name) => _root.GetProperty("parameters").GetProperty(name);

    public double Number(string name) => _root.GetProperty(name).GetDouble();

    public double ParameterNumber(string parameter, string field) => Parameter(parameter).GetProperty(field).GetDouble();

    public bool HasParameterField(string parameter, string field) => Parameter(parameter).TryGetProperty(field, out _);

    public (double Lower, double Upper) ParameterPair(string parameter, string field)
    {
        JsonElement pair = Parameter(parameter).GetProperty(field);
        return (pair[0].GetDouble(), pair[1].GetDouble());
    }

    /// <summary>The relative tolerance of <paramref name="field"/>, falling back along <paramref name="fallbacks"/>.</summary>
    public double Tolerance(string field, params string[] fallbacks)
    {
        JsonElement t = _root.GetProperty("tolerance");
        if (t.TryGetProperty(field, out JsonElement value))
        {
            return value.GetDouble();
        }

        foreach (string f in fallbacks)
        {
            if (t.TryGetProperty(f, out value))
            {
                return value.GetDouble();
            }
        }

        throw new KeyNotFoundException($"{Name}: no tolerance for {field}");
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using MleGen.Tests.Fitting;

namespace MleGen.Tests.Data;

/// <summary>A reference case's data.csv as text columns (factor levels stay strings), read without quoting rules: the files have none.</summary>
internal sealed class TextTable
{
    private readonly Dictionary<string, string[]> _columns;

    private TextTable(Dictionary<string, string[]> columns)
    {
        _columns = columns;
    }

    public static TextTable Load(string caseName)
    {
        string[] lines = File.ReadAllLines(Path.Combine(ReferenceCase.Directory, caseName, "data.csv"))
            .Where(line => line.Trim().Length > 0)
            .ToArray();
        string[] header = lines[0].Split(',');
        var columns = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (int c = 0; c < header.Length; c++)
        {
            columns[header[c]] = lines.Skip(1).Select(line => line.Split(',')[c]).ToArray();
        }

        return new TextTable(columns);
    }

    /// <summary>The case's expected.json.</summary>
    public static JsonElement Expected(string caseName)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(ReferenceCase.Directory, caseName, "expected.json")));
        return doc.RootElement.Clone();
    }

    public string[] Text(string name) => _columns[name];

    public double[] Numbers(string name) => _columns[name].Select(s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();

    public int[] Integers(string name) => _columns[name].Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
}

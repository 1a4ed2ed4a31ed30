using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.Data.Analysis;
using Xunit;

namespace MleGen.Extensions.Tests;

/// <summary>Data frames (Microsoft.Data.Analysis) into model frames, checked against R's model.matrix and glm.</summary>
public class DataFrameTests
{
    private static readonly Dictionary<string, IReadOnlyList<string>> TensionLevels = new() { ["tension"] = ["L", "M", "H"] };

    [Fact]
    public void CsvThroughADataFrameGivesRsDesignAndGlmFit()
    {
        DataFrame df = DataFrame.LoadCsv(Warpbreaks.DataPath, dataTypes: [typeof(int), typeof(string), typeof(string)]);
        JsonElement expected = Expected("model_matrix_warpbreaks");
        JsonElement r = expected.GetProperty("designs")[0];

        DesignMatrix design = df.ToModelFrame(["wool", "tension"], TensionLevels).Design("wool * tension");

        Assert.Equal(r.GetProperty("columns").EnumerateArray().Select(e => e.GetString()), design.ColumnNames);
        AssertMatrix(r.GetProperty("matrix"), design.Matrix);

        var model = new PoissonDesignModel { X = design.Matrix, Y = df["breaks"].ToInt32Array(), Beta = new double[design.ColumnCount] };
        FitResult fit = model.Fit();
        for (int j = 0; j < design.ColumnCount; j++)
        {
            double estimate = expected.GetProperty("glm").GetProperty("parameters").GetProperty(design.ColumnNames[j]).GetProperty("estimate").GetDouble();
            Assert.Equal(estimate, fit.Parameters[j].Estimate, 1e-7);
        }
    }

    [Fact]
    public void NumericColumnsStayNumbers()
    {
        string path = Path.Combine(Warpbreaks.RepositoryRoot, "tests", "data", "reference", "model_matrix_toothgrowth", "data.csv");
        DataFrame df = DataFrame.LoadCsv(path, dataTypes: [typeof(double), typeof(string), typeof(double)]);
        JsonElement r = Expected("model_matrix_toothgrowth").GetProperty("designs")[0];

        ModelFrame frame = df.ToModelFrame();
        DesignMatrix design = frame.Design(r.GetProperty("formula").GetString()!);

        Assert.Equal(["len", "supp", "dose"], frame.Names);
        Assert.Equal(r.GetProperty("columns").EnumerateArray().Select(e => e.GetString()), design.ColumnNames);
        AssertMatrix(r.GetProperty("matrix"), design.Matrix);
        Assert.Equal(4.2, df["len"].ToDoubleArray()[0]);
    }

    [Fact]
    public void BoolColumnsAreFactorsNamedAsRNamesLogicals()
    {
        var df = new DataFrame(new PrimitiveDataFrameColumn<bool>("treated", [true, false, true]), new PrimitiveDataFrameColumn<float>("x", [1f, 2f, 3f]));
        DesignMatrix design = df.ToModelFrame().Design("treated + x");

        Assert.Equal(["(Intercept)", "treatedTRUE", "x"], design.ColumnNames);
        Assert.Equal(new double[,] { { 1, 1, 1 }, { 1, 0, 2 }, { 1, 1, 3 } }, design.Matrix);
        Assert.Equal([true, false, true], df["treated"].ToBooleanArray());
    }

    [Fact]
    public void MissingValuesAndUnsupportedColumnsAreClearErrors()
    {
        var df = new DataFrame(
            new StringDataFrameColumn("g", ["a", null!, "b"]),
            new PrimitiveDataFrameColumn<double>("y", [1.0, null, 3.5]),
            new PrimitiveDataFrameColumn<DateTime>("when", [DateTime.UnixEpoch, DateTime.UnixEpoch, DateTime.UnixEpoch]));

        Assert.Contains("Column 'g', row 1", Assert.Throws<ArgumentException>(() => df.ToModelFrame(["g"])).Message, StringComparison.Ordinal);
        Assert.Contains("Column 'y', row 1", Assert.Throws<ArgumentException>(() => df["y"].ToDoubleArray()).Message, StringComparison.Ordinal);
        Assert.Contains("DateTime", Assert.Throws<ArgumentException>(() => df.ToModelFrame(["when"])).Message, StringComparison.Ordinal);
        Assert.Contains("no column 'z'", Assert.Throws<ArgumentException>(() => df.ToModelFrame(["z"])).Message, StringComparison.Ordinal);
        var counts = new DataFrame(new PrimitiveDataFrameColumn<double>("n", [1.0, 2.5]));
        Assert.Contains("row 1: 2.5 is not a whole number", Assert.Throws<ArgumentException>(() => counts["n"].ToInt32Array()).Message, StringComparison.Ordinal);
    }

    private static JsonElement Expected(string caseName)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Warpbreaks.RepositoryRoot, "tests", "data", "reference", caseName, "expected.json")));
        return doc.RootElement.Clone();
    }

    private static void AssertMatrix(JsonElement rows, double[,] matrix)
    {
        Assert.Equal(rows.GetArrayLength(), matrix.GetLength(0));
        for (int i = 0; i < matrix.GetLength(0); i++)
        {
            Assert.Equal(rows[i].EnumerateArray().Select(e => e.GetDouble()), Enumerable.Range(0, matrix.GetLength(1)).Select(j => matrix[i, j]));
        }
    }
}

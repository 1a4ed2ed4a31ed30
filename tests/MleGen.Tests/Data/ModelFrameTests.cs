using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using MleGen.Tests.Fitting;
using Xunit;

namespace MleGen.Tests.Data;

public class ModelFrameTests
{
    private static readonly string[] TensionLevels = ["L", "M", "H"];

    public enum Tension
    {
        L,
        M,
        H,
    }

    public static TheoryData<string, int> RDesigns()
    {
        var data = new TheoryData<string, int>();
        foreach (string name in new[] { "model_matrix_warpbreaks", "model_matrix_toothgrowth" })
        {
            int count = TextTable.Expected(name).GetProperty("designs").GetArrayLength();
            for (int k = 0; k < count; k++)
            {
                data.Add(name, k);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RDesigns))]
    public void DesignMatchesRModelMatrix(string caseName, int index)
    {
        JsonElement expected = TextTable.Expected(caseName).GetProperty("designs")[index];
        string formula = expected.GetProperty("formula").GetString()!;
        bool sortedLevels = expected.GetProperty("note").GetString()!.Contains("sorted", StringComparison.Ordinal);
        ModelFrame frame = caseName == "model_matrix_warpbreaks" ? Warpbreaks(sortedLevels) : ToothGrowth();

        DesignMatrix design = frame.Design(formula);

        Assert.Equal(Strings(expected.GetProperty("columns")), design.ColumnNames);
        Assert.Equal(expected.GetProperty("assign").EnumerateArray().Select(e => e.GetInt32()), design.Assign);
        JsonElement rows = expected.GetProperty("matrix");
        Assert.Equal(rows.GetArrayLength(), design.RowCount);
        for (int i = 0; i < design.RowCount; i++)
        {
            double[] row = rows[i].EnumerateArray().Select(e => e.GetDouble()).ToArray();
            Assert.Equal(row.Length, design.ColumnCount);
            for (int j = 0; j < row.Length; j++)
            {
                Assert.True(row[j] == design.Matrix[i, j], $"{formula}: row {i}, column {design.ColumnNames[j]}: R {row[j]}, frame {design.Matrix[i, j]}");
            }
        }
    }

    [Fact]
    public void WithoutTheInterceptColumnTheCodingStaysAndTheColumnGoes()
    {
        DesignMatrix full = Warpbreaks(false).Design("wool * tension");
        DesignMatrix noColumn = Warpbreaks(false).Design("wool * tension", interceptColumn: false);

        Assert.True(noColumn.HasIntercept);
        Assert.False(noColumn.HasInterceptColumn);
        Assert.Equal(full.ColumnNames.Skip(1), noColumn.ColumnNames);
        Assert.Equal(full.Assign.Skip(1), noColumn.Assign);
        Assert.Equal(["wool", "tension", "wool:tension"], noColumn.Terms);
        for (int i = 0; i < full.RowCount; i++)
        {
            for (int j = 0; j < noColumn.ColumnCount; j++)
            {
                Assert.Equal(full.Matrix[i, j + 1], noColumn.Matrix[i, j]);
            }
        }
    }

    [Fact]
    public void EnumFactorsCodeLikeStringsWithTheirDeclaredLevels()
    {
        TextTable t = TextTable.Load("model_matrix_warpbreaks");
        Tension[] tension = t.Text("tension").Select(Enum.Parse<Tension>).ToArray();
        var frame = new ModelFrame().AddFactor("wool", t.Text("wool")).AddFactor("tension", tension);

        DesignMatrix fromEnum = frame.Design("wool * tension");
        DesignMatrix fromStrings = Warpbreaks(false).Design("wool * tension");

        Assert.Equal(TensionLevels, frame.Levels("tension"));
        Assert.Equal(fromStrings.ColumnNames, fromEnum.ColumnNames);
        Assert.Equal(fromStrings.Matrix, fromEnum.Matrix);
    }

    [Fact]
    public void FormulaSpellingsAgree()
    {
        ModelFrame frame = Warpbreaks(false);
        string[] expected = [.. frame.Design("wool * tension").ColumnNames];

        Assert.Equal(expected, frame.Design("~ wool + tension + wool:tension").ColumnNames);
        Assert.Equal(expected, frame.Design("tension:wool + wool + tension").ColumnNames.Select(Swap));
        Assert.Equal(expected, frame.Design("(wool) * (tension) + 1").ColumnNames);
        Assert.Equal(expected, frame.Design("`wool` * `tension` + wool").ColumnNames);
        Assert.Equal(frame.Design("0 + wool + tension").ColumnNames, frame.Design("wool + tension - 1").ColumnNames);

        static string Swap(string name) => name.Contains(':') ? string.Join(':', name.Split(':').Reverse()) : name;
    }

    [Fact]
    public void NumericIntegersAreNumbers()
    {
        var frame = new ModelFrame().Add("year", new[] { 1, 2, 3 }).Add("x", new[] { 0.5, 1.5, -2 });
        DesignMatrix design = frame.Design("year:x");

        Assert.Equal(["(Intercept)", "year:x"], design.ColumnNames);
        Assert.Equal(new double[,] { { 1, 0.5 }, { 1, 3 }, { 1, -6 } }, design.Matrix);
    }

    [Fact]
    public void UnusedGivenLevelsKeepZeroColumnsAsInR()
    {
        var frame = new ModelFrame().AddFactor("g", ["a", "b", "a"], levels: ["a", "b", "c"]);
        DesignMatrix design = frame.Design("g");

        Assert.Equal(["(Intercept)", "gb", "gc"], design.ColumnNames);
        Assert.Equal(new double[,] { { 1, 0, 0 }, { 1, 1, 0 }, { 1, 0, 0 } }, design.Matrix);
    }

    [Fact]
    public void BadInputIsAClearError()
    {
        var frame = new ModelFrame().Add("x", new[] { 1.0, 2, 3 }).AddFactor("g", ["a", "b", "a"]);

        Assert.Contains("row 1", Assert.Throws<ArgumentException>(() => new ModelFrame().Add("x", new[] { 1.0, double.NaN })).Message, StringComparison.Ordinal);
        Assert.Contains("row 2", Assert.Throws<ArgumentException>(() => new ModelFrame().AddFactor("g", ["a", "b", null!])).Message, StringComparison.Ordinal);
        Assert.Contains("'z' is not one of the levels", Assert.Throws<ArgumentException>(() => new ModelFrame().AddFactor("g", ["a", "z"], levels: ["a", "b"])).Message, StringComparison.Ordinal);
        Assert.Contains("given twice", Assert.Throws<ArgumentException>(() => new ModelFrame().AddFactor("g", ["a"], levels: ["a", "a"])).Message, StringComparison.Ordinal);
        Assert.Contains("has 2 rows; the frame has 3", Assert.Throws<ArgumentException>(() => frame.Add("y", new[] { 1.0, 2 })).Message, StringComparison.Ordinal);
        Assert.Contains("already has a column 'x'", Assert.Throws<ArgumentException>(() => frame.Add("x", new[] { 1.0, 2, 3 })).Message, StringComparison.Ordinal);
        Assert.Contains("Tension", Assert.Throws<ArgumentException>(() => new ModelFrame().AddFactor("t", [Tension.L, (Tension)7])).Message, StringComparison.Ordinal);
        Assert.Contains("no column 'w'", Assert.Throws<KeyNotFoundException>(() => frame.Design("x + w")).Message, StringComparison.Ordinal);
        Assert.Contains("position 4", Assert.Throws<FormatException>(() => frame.Design("x + ^g")).Message, StringComparison.Ordinal);
        Assert.Contains("only 0 and 1", Assert.Throws<FormatException>(() => frame.Design("x + 2")).Message, StringComparison.Ordinal);
        Assert.Contains("cannot be crossed", Assert.Throws<FormatException>(() => frame.Design("x * 1")).Message, StringComparison.Ordinal);
        Assert.Contains("no terms", Assert.Throws<FormatException>(() => frame.Design("0")).Message, StringComparison.Ordinal);
        Assert.Contains("1 level", Assert.Throws<ArgumentException>(() => new ModelFrame().AddFactor("g", ["a", "a"]).Design("g")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PoissonFitOnTheFrameMatchesGlm()
    {
        JsonElement glm = TextTable.Expected("model_matrix_warpbreaks").GetProperty("glm");
        DesignMatrix design = Warpbreaks(false).Design("wool * tension");
        var model = new DesignPoissonModel { X = design.Matrix, Y = TextTable.Load("model_matrix_warpbreaks").Integers("breaks"), Beta = new double[design.ColumnCount] };

        FitResult fit = model.Fit();

        Assert.True(fit.Converged, fit.ConvergenceReason);
        Approx.Equal(glm.GetProperty("loglik").GetDouble(), fit.LogLikelihood, 1e-10);
        for (int j = 0; j < design.ColumnCount; j++)
        {
            JsonElement p = glm.GetProperty("parameters").GetProperty(design.ColumnNames[j]);
            Approx.Equal(p.GetProperty("estimate").GetDouble(), fit.Parameters[j].Estimate, 1e-7);
            Approx.Equal(p.GetProperty("se").GetDouble(), fit.Parameters[j].StandardError!.Value, 1e-6);
        }
    }

    [Fact]
    public void GaussianFitWithItsOwnInterceptMatchesLm()
    {
        JsonElement lm = TextTable.Expected("model_matrix_toothgrowth").GetProperty("lm");
        DesignMatrix design = ToothGrowth().Design("supp * dose", interceptColumn: false);
        var model = new DesignNormalModel { X = design.Matrix, Y = TextTable.Load("model_matrix_toothgrowth").Numbers("len"), Beta = new double[design.ColumnCount], Sigma = 5 };

        FitResult fit = model.Fit();

        double[] estimate = lm.GetProperty("estimate").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(Strings(lm.GetProperty("columns")).Skip(1), design.ColumnNames);
        for (int j = 0; j < estimate.Length; j++)
        {
            Approx.Equal(estimate[j], fit.Parameters[j].Estimate, 1e-8);
        }

        Approx.Equal(lm.GetProperty("sigma_mle").GetDouble(), fit["Sigma"].Estimate, 1e-8);
        Approx.Equal(lm.GetProperty("loglik").GetDouble(), fit.LogLikelihood, 1e-10);
    }

    internal static ModelFrame Warpbreaks(bool sortedLevels)
    {
        TextTable t = TextTable.Load("model_matrix_warpbreaks");
        return new ModelFrame()
            .Add("breaks", t.Numbers("breaks"))
            .AddFactor("wool", t.Text("wool"))
            .AddFactor("tension", t.Text("tension"), sortedLevels ? null : TensionLevels);
    }

    private static ModelFrame ToothGrowth()
    {
        TextTable t = TextTable.Load("model_matrix_toothgrowth");
        return new ModelFrame().Add("len", t.Numbers("len")).AddFactor("supp", t.Text("supp")).Add("dose", t.Numbers("dose"));
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}

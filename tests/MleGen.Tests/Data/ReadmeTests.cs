using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Xunit;

namespace MleGen.Tests.Data;

/// <summary>The README's ten-line model, as written there.</summary>
[Model]
public partial class BreaksModel
{
    [Data] public required double[,] X { get; init; }          // the design matrix
    [Data] public required int[] Breaks { get; init; }         // the counts
    public required string[] Columns { get; init; }            // names of X's columns

    [Param(Names = nameof(Columns))] public double[] Beta = [];  // one coefficient per column

    [Likelihood(nameof(Breaks))]
    PoissonLog Observation(int i) => new(Functions.Dot(Beta, X, i)); // log E[Breaks[i]] = X[i]·Beta
}

/// <summary>What the README says a fit prints is what it prints.</summary>
public class ReadmeTests
{
    [Fact]
    public void ThePrintedResultInTheReadmeIsARealFitsOutput()
    {
        string readme = File.ReadAllText(Path.Combine(Root(), "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains(ModelSource().Trim(), readme, StringComparison.Ordinal);
        string printed = Regex.Match(readme, @"\nprints\n\n```text\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        Assert.NotEmpty(printed);

        TextTable t = TextTable.Load("model_matrix_warpbreaks");
        string[] wool = t.Text("wool"), tension = t.Text("tension");
        int[] breaks = t.Integers("breaks");
        var frame = new ModelFrame().AddFactor("wool", wool).AddFactor("tension", tension, levels: ["L", "M", "H"]);
        DesignMatrix design = frame.Design("wool + tension");
        var model = new BreaksModel { X = design.Matrix, Breaks = breaks, Columns = [.. design.ColumnNames], Beta = new double[design.ColumnCount] };
        FitResult fit = model.Fit();

        string actual = fit.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
        if (actual != printed.TrimEnd())
        {
            // The real output, to paste into the README when the report's format changes on purpose.
            File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "README.fit.received.txt"), actual + "\n");
        }

        // The gradient norm at convergence is rounding noise (its digits may differ between CPUs): it must be tiny, and
        // everything else must be exactly what the README shows.
        const string Norm = @"gradient norm: (\S+)";
        Assert.True(double.Parse(Regex.Match(actual, Norm).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) < 1e-8, actual);
        Assert.Equal(Regex.Replace(printed.TrimEnd(), Norm, "gradient norm: …"), Regex.Replace(actual, Norm, "gradient norm: …"));
    }

    /// <summary>The model class above, as it appears in this file (the README must show the same code).</summary>
    private static string ModelSource([CallerFilePath] string thisFile = "")
    {
        string text = File.ReadAllText(thisFile).Replace("\r\n", "\n", StringComparison.Ordinal);
        int start = text.IndexOf("[Model]\npublic partial class BreaksModel", StringComparison.Ordinal);
        int end = text.IndexOf("\n}\n", start, StringComparison.Ordinal) + 2;
        return text[start..end];
    }

    private static string Root([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
}

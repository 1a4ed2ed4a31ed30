using System;
using System.IO;
using System.Linq;

namespace MleGen.Extensions.Tests;

/// <summary>Poisson log-linear regression on a full design matrix.</summary>
[Model]
public partial class PoissonDesignModel
{
    [Data] public required double[,] X { get; init; }
    [Data] public required int[] Y { get; init; }

    [Param] public double[] Beta = [];

    [Likelihood(nameof(Y))]
    PoissonLog Observation(int i) => new(Functions.Dot(Beta, X, i));
}

/// <summary>R's warpbreaks from the repository's reference copy (tests/data/reference/model_matrix_warpbreaks), fitted as glm(breaks ~ wool * tension, poisson).</summary>
internal static class Warpbreaks
{
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MleGen.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("MleGen.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string DataPath => Path.Combine(RepositoryRoot, "tests", "data", "reference", "model_matrix_warpbreaks", "data.csv");

    /// <summary>The columns breaks, wool, tension as text.</summary>
    public static (int[] Breaks, string[] Wool, string[] Tension) Columns()
    {
        string[][] rows = File.ReadAllLines(DataPath).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray();
        return (rows.Select(r => int.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture)).ToArray(), rows.Select(r => r[1]).ToArray(), rows.Select(r => r[2]).ToArray());
    }

    public static (DesignMatrix Design, int[] Y, FitResult Fit) Fit()
    {
        (int[] breaks, string[] wool, string[] tension) = Columns();
        DesignMatrix design = new ModelFrame().AddFactor("wool", wool).AddFactor("tension", tension, levels: ["L", "M", "H"]).Design("wool * tension");
        var model = new PoissonDesignModel { X = design.Matrix, Y = breaks, Beta = new double[design.ColumnCount] };
        return (design, breaks, model.Fit());
    }

    /// <summary>Fitted means exp(xᵢβ̂) and Pearson residuals (yᵢ − μᵢ)/√μᵢ.</summary>
    public static (double[] Fitted, double[] Pearson) Residuals(DesignMatrix design, int[] y, FitResult fit)
    {
        var fitted = new double[y.Length];
        var pearson = new double[y.Length];
        for (int i = 0; i < y.Length; i++)
        {
            double eta = 0;
            for (int j = 0; j < design.ColumnCount; j++)
            {
                eta += design.Matrix[i, j] * fit.Parameters[j].Estimate;
            }

            fitted[i] = Math.Exp(eta);
            pearson[i] = (y[i] - fitted[i]) / Math.Sqrt(fitted[i]);
        }

        return (fitted, pearson);
    }
}

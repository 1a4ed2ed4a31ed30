using MleGen.Tests.Fitting.TestModels;

namespace MleGen.Tests.Fitting;

/// <summary>The hand-written models of the reference cases, with the map from their names to expected.json's.</summary>
internal static class ReferenceModels
{
    public static double[,] Matrix(params double[][] columns)
    {
        var x = new double[columns[0].Length, columns.Length];
        for (int i = 0; i < columns[0].Length; i++)
        {
            for (int j = 0; j < columns.Length; j++)
            {
                x[i, j] = columns[j][i];
            }
        }

        return x;
    }

    public static (ReferenceCase Case, LinearRegressionModel Model) OlsCars()
    {
        ReferenceCase c = ReferenceCase.Load("ols_cars");
        return (c, new LinearRegressionModel(Matrix(c.Columns["speed"]), c.Columns["dist"]));
    }

    public static (ReferenceCase Case, LogisticRegressionModel Model) LogisticMtcars()
    {
        ReferenceCase c = ReferenceCase.Load("logistic_mtcars");
        return (c, new LogisticRegressionModel(Matrix(c.Columns["wt"], c.Columns["hp"]), c.Columns["am"]));
    }

    public static readonly (string Ours, string Theirs)[] OlsNames = [("Intercept", "intercept"), ("Beta[0]", "speed"), ("Sigma", "sigma")];

    public static readonly (string Ours, string Theirs)[] LogisticNames = [("Intercept", "intercept"), ("Beta[0]", "wt"), ("Beta[1]", "hp")];
}

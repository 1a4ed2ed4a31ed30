using System;
using System.Linq;
using System.Text.Json;
using MleGen.Tests.Fitting;
using Xunit;

namespace MleGen.Tests.Data;

/// <summary><c>[Param(Names = nameof(Columns))]</c>: R's coefficient names in every report and lookup; private parameters under clean names.</summary>
public class NamedParameterTests
{
    private static readonly JsonElement Glm = TextTable.Expected("model_matrix_warpbreaks").GetProperty("glm");

    private static NamedPoissonModel Warpbreaks(out DesignMatrix design)
    {
        design = ModelFrameTests.Warpbreaks(false).Design("wool * tension");
        return new NamedPoissonModel
        {
            X = design.Matrix,
            Y = TextTable.Load("model_matrix_warpbreaks").Integers("breaks"),
            Columns = [.. design.ColumnNames],
            Beta = new double[design.ColumnCount],
        };
    }

    [Fact]
    public void TheColumnNamesNameTheEstimatesEverywhere()
    {
        var model = Warpbreaks(out DesignMatrix design);

        FitResult fit = model.Fit();

        Assert.Equal(design.ColumnNames, fit.Parameters.Select(p => p.Name));
        Assert.Equal("woolB:tensionM", ((IMleModel)model).GetParameterName(4));
        foreach (string name in design.ColumnNames)
        {
            JsonElement r = Glm.GetProperty("parameters").GetProperty(name);
            Approx.Equal(r.GetProperty("estimate").GetDouble(), fit[name].Estimate, 1e-7);
            Approx.Equal(r.GetProperty("se").GetDouble(), fit[name].StandardError!.Value, 1e-6);
        }

        (double lower, double upper) = fit.ProfileInterval("woolB");
        double[] profile = Glm.GetProperty("parameters").GetProperty("woolB").GetProperty("ci95_profile").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Approx.Equal(profile[0], lower, 1e-6);
        Approx.Equal(profile[1], upper, 1e-6);
        Assert.Contains("woolB:tensionH", fit.Summary(), StringComparison.Ordinal);
        Assert.DoesNotContain("Beta[", fit.Summary(), StringComparison.Ordinal);
        Assert.Equal(design.ColumnNames, fit.Tidy().Rows.Select(r => r.Term));
        Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => fit["Beta[1]"]);
    }

    [Fact]
    public void FixedParametersAreFoundByTheirNames()
    {
        var model = Warpbreaks(out _);

        FitResult fit = model.Fit(new FitOptions { Fixed = new System.Collections.Generic.Dictionary<string, double> { ["woolB:tensionH"] = 0 } });

        Assert.Equal(0, fit["woolB:tensionH"].Estimate);
        Assert.Equal(5, fit.FreeParameterCount);
    }

    [Fact]
    public void NamesThatDoNotFitTheVectorAreAClearError()
    {
        var model = Warpbreaks(out DesignMatrix design);

        model.Columns = [.. design.ColumnNames.Take(5)];
        var error = Assert.Throws<ModelDataException>(() => model.Fit());
        Assert.Equal("Columns: has 5 names but the parameter Beta that it names has 6 elements; give one name per element.", error.Message.Split(" (Parameter")[0]);

        model.Columns = null;
        Assert.Contains("Columns: is null, but it names the elements of the parameter Beta", Assert.Throws<ModelDataException>(() => model.Fit()).Message, StringComparison.Ordinal);

        model.Columns = ["a", "b", " ", "d", "e", "f"];
        Assert.StartsWith("Columns[2]: is blank, but it names Beta[2].", Assert.Throws<ModelDataException>(() => model.Fit()).Message, StringComparison.Ordinal);

        model.Columns = ["a", "b", "c", "b", "e", "f"];
        Assert.Contains("Parameters 1 and 3 (in θ order) are both named 'b'", Assert.Throws<ArgumentException>(() => model.Fit()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DiagnosticsNameTheColumns()
    {
        // Two copies of one column: the information is singular and MLE1003 must say which coefficients.
        TextTable t = TextTable.Load("model_matrix_warpbreaks");
        double[] dose = t.Integers("breaks").Select((b, i) => (double)(i % 3)).ToArray();
        DesignMatrix design = new ModelFrame().Add("dose", dose).Add("doseAgain", dose).Design("dose + doseAgain");
        var model = new NamedPoissonModel { X = design.Matrix, Y = t.Integers("breaks"), Columns = [.. design.ColumnNames], Beta = new double[design.ColumnCount] };

        FitResult fit = model.Fit();

        FitDiagnostic singular = Assert.Single(fit.Diagnostics, d => d.Id == "MLE1003");
        Assert.Contains("dose, doseAgain", singular.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PrivateParametersAreReportedUnderCleanNames()
    {
        JsonElement lm = TextTable.Expected("model_matrix_toothgrowth").GetProperty("lm");
        TextTable t = TextTable.Load("model_matrix_toothgrowth");
        DesignMatrix design = new ModelFrame().Add("len", t.Numbers("len")).AddFactor("supp", t.Text("supp")).Add("dose", t.Numbers("dose"))
            .Design("supp * dose", interceptColumn: false);
        var model = new PrivateNormalModel { X = design.Matrix, Y = t.Numbers("len"), Columns = [.. design.ColumnNames] };
        model.Start(sigma: 5);

        FitResult fit = model.Fit();

        Assert.Equal(["Intercept", .. design.ColumnNames, "Sigma"], fit.Parameters.Select(p => p.Name));
        double[] estimate = lm.GetProperty("estimate").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Approx.Equal(estimate[0], fit["Intercept"].Estimate, 1e-8);
        Approx.Equal(estimate[0], model.Estimates.Intercept, 1e-8);
        for (int j = 0; j < design.ColumnCount; j++)
        {
            Approx.Equal(estimate[j + 1], fit[design.ColumnNames[j]].Estimate, 1e-8);
        }

        Approx.Equal(lm.GetProperty("sigma_mle").GetDouble(), fit["Sigma"].Estimate, 1e-8);
        Assert.Equal(fit["Sigma"].Estimate, model.Estimates.Sigma);
    }
}

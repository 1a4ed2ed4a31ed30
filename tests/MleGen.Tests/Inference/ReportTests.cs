using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using MleGen.Tests.Data;
using Xunit;

namespace MleGen.Tests.Inference;

/// <summary>Confidence level, correlation, profile curves and the summary against R's glm(breaks ~ wool * tension, poisson).</summary>
public class ReportTests
{
    private static readonly JsonElement Glm = TextTable.Expected("model_matrix_warpbreaks").GetProperty("glm");

    [Fact]
    public void WaldIntervalsFollowTheChosenLevel()
    {
        (DesignMatrix design, FitResult fit95) = Fit();
        FitResult fit90 = Fit(new FitOptions { ConfidenceLevel = 0.90 }).Fit;

        Assert.Equal(0.95, fit95.ConfidenceLevel);
        Assert.Equal(0.90, fit90.ConfidenceLevel);
        for (int j = 0; j < design.ColumnCount; j++)
        {
            JsonElement r = Glm.GetProperty("parameters").GetProperty(design.ColumnNames[j]);
            AssertInterval(r.GetProperty("ci95_wald"), fit95.Parameters[j].Lower!.Value, fit95.Parameters[j].Upper!.Value, 1e-6);
            AssertInterval(r.GetProperty("ci90_wald"), fit90.Parameters[j].Lower!.Value, fit90.Parameters[j].Upper!.Value, 1e-6);
        }

        // The same numbers by re-levelling a 95 % fit, and the level survives a change of covariance.
        FitResult relevelled = fit95.WithConfidenceLevel(0.90);
        Assert.Equal(fit90.Parameters, relevelled.Parameters);
        Assert.Same(fit95, fit95.WithConfidenceLevel(0.95));
        Assert.Equal(0.90, relevelled.WithCovariance(CovarianceKind.Sandwich).ConfidenceLevel);
    }

    [Fact]
    public void ProfileIntervalsDefaultToTheFitsLevelAndMatchR()
    {
        (DesignMatrix design, FitResult fit90) = Fit(new FitOptions { ConfidenceLevel = 0.90 });
        for (int j = 0; j < design.ColumnCount; j++)
        {
            JsonElement r = Glm.GetProperty("parameters").GetProperty(design.ColumnNames[j]);
            (double lower, double upper) = fit90.ProfileInterval(fit90.Parameters[j].Name);
            AssertInterval(r.GetProperty("ci90_profile"), lower, upper, 1e-6);
        }

        (double l95, double u95) = fit90.ProfileInterval("Beta[1]", 0.95);
        AssertInterval(Glm.GetProperty("parameters").GetProperty("woolB").GetProperty("ci95_profile"), l95, u95, 1e-6);
    }

    [Fact]
    public void CorrelationMatchesR()
    {
        (DesignMatrix design, FitResult fit) = Fit();
        double[,] correlation = fit.Correlation!;
        JsonElement expected = Glm.GetProperty("correlation");
        for (int i = 0; i < design.ColumnCount; i++)
        {
            for (int j = 0; j < design.ColumnCount; j++)
            {
                Approx.Equal(expected[i][j].GetDouble(), correlation[i, j], 1e-6);
            }
        }
    }

    [Fact]
    public void CorrelationOfAFixedParameterIsNaN()
    {
        FitResult fit = Fit(new FitOptions { Fixed = new Dictionary<string, double> { ["Beta[5]"] = 0.1 } }).Fit;
        double[,] correlation = fit.Correlation!;

        Assert.True(double.IsNaN(correlation[5, 5]) && double.IsNaN(correlation[0, 5]) && double.IsNaN(correlation[5, 0]));
        Assert.Equal(1, correlation[0, 0]);
        Assert.Equal(correlation[1, 0], correlation[0, 1]);
    }

    [Fact]
    public void ProfileCurveCrossesTheThresholdAtTheIntervalAndAgreesWithRestrictedFits()
    {
        (_, FitResult fit) = Fit(new FitOptions { ConfidenceLevel = 0.90 });
        ParameterProfile profile = fit.Profile("Beta[1]", points: 21);

        Approx.Equal(2.705543454095404, profile.Threshold, 1e-12);   // qchisq(0.9, 1)
        AssertInterval(Glm.GetProperty("parameters").GetProperty("woolB").GetProperty("ci90_profile"), profile.Lower, profile.Upper, 1e-6);
        Assert.True(profile.Points.Count >= 21);
        Assert.Equal(profile.Points.OrderBy(p => p.Value), profile.Points);
        Assert.Contains(profile.Points, p => p.Value == profile.Estimate && p.Statistic == 0);
        Assert.True(profile.Points[0].Value < profile.Lower && profile.Points[^1].Value > profile.Upper);
        Approx.Equal(profile.Threshold, profile.Points.Single(p => p.Value == profile.Lower).Statistic, 1e-6);
        Approx.Equal(profile.Threshold, profile.Points.Single(p => p.Value == profile.Upper).Statistic, 1e-6);

        // Each point is 2(ℓ̂ − ℓ) of an independent fit with the parameter held at its value.
        foreach (ProfilePoint point in new[] { profile.Points[0], profile.Points[^3] })
        {
            FitResult restricted = Fit(new FitOptions { Method = FitMethod.Newton, Fixed = new Dictionary<string, double> { ["Beta[1]"] = point.Value } }).Fit;
            Approx.Equal(2 * (fit.LogLikelihood - restricted.LogLikelihood), point.Statistic, 1e-7);
        }

        // Decreasing to the estimate, increasing after it.
        for (int k = 1; k < profile.Points.Count; k++)
        {
            bool right = profile.Points[k].Value > profile.Estimate;
            Assert.True(right ? profile.Points[k].Statistic > profile.Points[k - 1].Statistic : profile.Points[k].Statistic < profile.Points[k - 1].Statistic);
        }

        Assert.Equal(-Math.Sqrt(profile.Points[0].Statistic), profile.Points[0].SignedRoot(profile.Estimate));
    }

    [Fact]
    public void SummaryPrintsTheLevelLabelsAndCorrelation()
    {
        (DesignMatrix design, FitResult fit) = Fit(new FitOptions { ConfidenceLevel = 0.90 });
        var options = new ReportOptions { Labels = ReportOptions.LabelVector("Beta", design.ColumnNames), Correlation = true };

        string plain = fit.ToString();
        string labelled = fit.Summary(options);

        Assert.Contains("Wald 90 % intervals", plain, StringComparison.Ordinal);
        Assert.Matches(@"5 %\s+95 %", plain);
        Assert.Contains("Beta[4]", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("Correlation", plain, StringComparison.Ordinal);
        Assert.Contains("woolB:tensionM", labelled, StringComparison.Ordinal);
        Assert.DoesNotContain("Beta[", labelled, StringComparison.Ordinal);
        Assert.Contains("Correlation of estimates:", labelled, StringComparison.Ordinal);
        // R: the correlation of woolB with the intercept is -0.62.
        Assert.Matches(@"woolB\s+-0\.62\r?\n", labelled);
        Assert.Contains("profile-likelihood 90 % intervals", fit.Summary(new ReportOptions { ProfileIntervals = true }), StringComparison.Ordinal);
        Assert.Contains("2.5 %", fit.WithConfidenceLevel(0.95).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void BadLevelsAndLabelsAreClearErrors()
    {
        (_, FitResult fit) = Fit();
        var model = new DesignPoissonModel { X = new double[,] { { 1 } }, Y = [1], Beta = [0] };

        Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit(new FitOptions { ConfidenceLevel = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => fit.WithConfidenceLevel(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => fit.ProfileInterval("Beta[0]", double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => fit.Profile("Beta[0]", points: 3));
        var typo = new ReportOptions { Labels = new Dictionary<string, string> { ["Beta[9]"] = "x" } };
        Assert.Contains("Beta[9]", Assert.Throws<KeyNotFoundException>(() => fit.Summary(typo)).Message, StringComparison.Ordinal);
    }

    internal static (DesignMatrix Design, FitResult Fit) Fit(FitOptions? options = null)
    {
        DesignMatrix design = ModelFrameTests.Warpbreaks(false).Design("wool * tension");
        var model = new DesignPoissonModel { X = design.Matrix, Y = TextTable.Load("model_matrix_warpbreaks").Integers("breaks"), Beta = new double[design.ColumnCount] };
        return (design, model.Fit(options));
    }

    private static void AssertInterval(JsonElement expected, double lower, double upper, double tolerance)
    {
        Approx.Equal(expected[0].GetDouble(), lower, tolerance);
        Approx.Equal(expected[1].GetDouble(), upper, tolerance);
    }
}

using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using MleGen.Plots;
using ScottPlot;
using SkiaSharp;
using Xunit;

namespace MleGen.Extensions.Tests;

/// <summary>
/// Renders each plot kind of MleGen.Plots from a real fit to PNG and SVG and checks the files. With
/// MLEGEN_WRITE_DOC_IMAGES=1 the PNGs are also written to docs/guide/images (the guide's pictures).
/// </summary>
public sealed class PlotTests : IDisposable
{
    private const int Width = 720;
    private const int Height = 480;
    private static readonly SKColor FireBrick = new(0xB2, 0x22, 0x22);
    private static readonly SKColor SteelBlue = new(0x46, 0x82, 0xB4);

    private readonly string _dir = Directory.CreateTempSubdirectory("mlegen-plots").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ProfilePlotShowsTheCurveThresholdAndInterval()
    {
        (DesignMatrix design, _, FitResult fit) = Warpbreaks.Fit();
        ParameterProfile profile = fit.Profile("Beta[1]", points: 31);
        Plot plot = ProfilePlot.Create(profile, design.ColumnNames[1]);

        using SKBitmap png = RenderedImage.AssertPng(Save(plot, "profile.png"), Width, Height);
        Assert.True(RenderedImage.Count(png, FireBrick) > 200, "the threshold line is missing");
        Assert.True(RenderedImage.Count(png, SKColors.Black, 60) > 1_000, "the curve is missing");
        XDocument svg = RenderedImage.AssertSvg(Save(plot, "profile.svg"), Width, Height, "Profile likelihood: woolB", "woolB");
        Assert.Contains(svg.Descendants(RenderedImage.Svg + "path"), p => p.Attribute("stroke")?.Value == "#B22222");
        Assert.Contains(svg.Descendants(RenderedImage.Svg + "text"), t => t.Value.Contains("95 % profile interval", StringComparison.Ordinal));
        Publish("profile-likelihood.png");
    }

    [Fact]
    public void ProfilePlotFromTheFitProfilesItself()
    {
        (_, _, FitResult fit) = Warpbreaks.Fit();
        Plot plot = ProfilePlot.Create(fit.WithConfidenceLevel(0.9), "Beta[0]", points: 9);

        RenderedImage.AssertPng(Save(plot, "profile90.png"), Width, Height).Dispose();
        RenderedImage.AssertSvg(Save(plot, "profile90.svg"), Width, Height, "Profile likelihood: Beta[0]");
        Assert.Contains("90 % profile interval", File.ReadAllText(Path.Combine(_dir, "profile90.svg")), StringComparison.Ordinal);
    }

    [Fact]
    public void ResidualsVersusFittedDrawsEveryObservation()
    {
        (DesignMatrix design, int[] y, FitResult fit) = Warpbreaks.Fit();
        (double[] fitted, double[] pearson) = Warpbreaks.Residuals(design, y, fit);
        Plot plot = ResidualPlot.VersusFitted(fitted, pearson, "Pearson residuals");

        using SKBitmap png = RenderedImage.AssertPng(Save(plot, "residuals.png"), Width, Height);
        Assert.True(RenderedImage.Count(png, SteelBlue) > 500, "the points are missing");
        XDocument svg = RenderedImage.AssertSvg(Save(plot, "residuals.svg"), Width, Height, "Residuals vs fitted", "Fitted values", "Pearson residuals");
        // One marker per observation (six cells: the fitted values repeat, the points do not merge in the SVG).
        Assert.True(svg.Descendants(RenderedImage.Svg + "ellipse").Count() >= y.Length);
        Publish("residuals-vs-fitted.png");
    }

    [Fact]
    public void NormalQQPlotsSortedResidualsAgainstNormalQuantiles()
    {
        (DesignMatrix design, int[] y, FitResult fit) = Warpbreaks.Fit();
        (_, double[] pearson) = Warpbreaks.Residuals(design, y, fit);
        Plot plot = ResidualPlot.NormalQQ(pearson, "Pearson residuals");

        using SKBitmap png = RenderedImage.AssertPng(Save(plot, "qq.png"), Width, Height);
        Assert.True(RenderedImage.Count(png, FireBrick) > 100, "the quartile line is missing");
        XDocument svg = RenderedImage.AssertSvg(Save(plot, "qq.svg"), Width, Height, "Normal Q–Q", "Theoretical quantiles");
        Assert.True(svg.Descendants(RenderedImage.Svg + "ellipse").Count() >= y.Length);
        Publish("normal-qq.png");
    }

    [Fact]
    public void QuantilesAreRs()
    {
        // R 4.2.2: qnorm(ppoints(5)); qnorm(ppoints(12))[c(1, 6, 12)]; qqline's slope and intercept for x below.
        double[] five = QuantileMath.NormalPlottingPositions(5);
        double[] expectedFive = [-1.1797611176118603, -0.49720057068155399, 0, 0.49720057068155399, 1.1797611176118603];
        for (int k = 0; k < 5; k++)
        {
            Assert.Equal(expectedFive[k], five[k], 1e-14);
        }

        double[] twelve = QuantileMath.NormalPlottingPositions(12);
        Assert.Equal(-1.7316643961222451, twelve[0], 1e-14);
        Assert.Equal(-0.10463345561407539, twelve[5], 1e-14);
        Assert.Equal(1.7316643961222455, twelve[11], 1e-14);

        double[] x = [3.1, -0.4, 2.2, 0.7, -1.9, 5.5, 0.05, 1.3];
        Array.Sort(x);
        Assert.Equal(-0.0625, QuantileMath.Type7(x, 0.25), 1e-14);
        Assert.Equal(2.4250000000000003, QuantileMath.Type7(x, 0.75), 1e-14);
        (double slope, double intercept) = QuantileMath.QuartileLine(x);
        Assert.Equal(1.8439865092663426, slope, 1e-13);
        Assert.Equal(1.1812500000000001, intercept, 1e-13);
    }

    [Fact]
    public void BadInputIsAClearError()
    {
        Plot plot = ResidualPlot.NormalQQ([1.0, 2.0, 3.0]);

        Assert.Contains("residuals[1]", Assert.Throws<ArgumentException>(() => ResidualPlot.VersusFitted([1.0, 2], [0.5, double.NaN])).Message, StringComparison.Ordinal);
        Assert.Contains("2 fitted values but 3 residuals", Assert.Throws<ArgumentException>(() => ResidualPlot.VersusFitted([1.0, 2], [0.5, 1, 2])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ResidualPlot.NormalQQ([1.0]));
        Assert.Throws<ArgumentException>(() => PlotFile.Save(plot, Path.Combine(_dir, "x.pdf")));
        Assert.Throws<ArgumentOutOfRangeException>(() => PlotFile.Save(plot, Path.Combine(_dir, "x.png"), width: 0));
    }

    private string Save(Plot plot, string name)
    {
        string path = Path.Combine(_dir, name);
        PlotFile.Save(plot, path, Width, Height);
        return path;
    }

    /// <summary>Copies a checked PNG into docs/guide/images when MLEGEN_WRITE_DOC_IMAGES=1.</summary>
    private void Publish(string docName)
    {
        if (Environment.GetEnvironmentVariable("MLEGEN_WRITE_DOC_IMAGES") != "1")
        {
            return;
        }

        string source = Directory.GetFiles(_dir, "*.png").Single();
        string target = Path.Combine(Warpbreaks.RepositoryRoot, "docs", "guide", "images", docName);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target, overwrite: true);
    }
}

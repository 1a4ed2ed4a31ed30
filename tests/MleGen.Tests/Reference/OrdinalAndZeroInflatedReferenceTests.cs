using MleGen.Tests.Fitting;
using MleGen.Tests.Reference.Models;
using Xunit;

namespace MleGen.Tests.Reference;

/// <summary>
/// OrderedLogistic with an ordered cut-point vector against MASS::polr (tests/data/reference/polr_housing), and
/// ZeroInflatedPoisson against pscl::zeroinfl (tests/data/reference/zip_biochemists).
/// </summary>
public class OrdinalAndZeroInflatedReferenceTests
{
    internal static PolrHousingModel Housing(ReferenceCase c) => new()
    {
        Sat = ReferenceCheck.Ints(c.Columns["sat"]),
        Freq = c.Columns["freq"],
        InflMedium = c.Columns["inflMedium"],
        InflHigh = c.Columns["inflHigh"],
        TypeApartment = c.Columns["typeApartment"],
        TypeAtrium = c.Columns["typeAtrium"],
        TypeTerrace = c.Columns["typeTerrace"],
        ContHigh = c.Columns["contHigh"],
    };

    [Fact]
    public void OrderedLogisticMatchesPolrOnHousing()
    {
        ReferenceCase c = ReferenceCase.Load("polr_housing");
        FitResult fit = Housing(c).Fit(new FitOptions { Covariance = CovarianceKind.Observed });
        var check = new ReferenceCheck(c);
        check.Fit(fit);
        check.Parameters(fit, [.. ReferenceCheck.Same("inflMedium", "inflHigh", "typeApartment", "typeAtrium", "typeTerrace", "contHigh"), ("Cuts[0]", "cut1"), ("Cuts[1]", "cut2")]);
        check.Relative("loglik", "loglik", c.Number("loglik"), fit.LogLikelihood, c.Tolerance("loglik"));
        check.AssertAll();
    }

    [Fact]
    public void ADerivedQuantitysProfileIsItsParametersProfileTransformed()
    {
        // InflHighOddsRatio = exp(inflHigh): maximizing subject to exp(inflHigh) = t is maximizing with inflHigh = log t, so the
        // derived profile interval (augmented Lagrangian) is exp of the parameter's (inflHigh held fixed), at two levels.
        ReferenceCase c = ReferenceCase.Load("polr_housing");
        FitResult fit = Housing(c).Fit(new FitOptions { Covariance = CovarianceKind.Observed });
        foreach (double level in new[] { 0.95, 0.99 })
        {
            (double lower, double upper) = fit.ProfileInterval("inflHigh", level);
            (double ratioLower, double ratioUpper) = fit.ProfileInterval("InflHighOddsRatio", level);
            Assert.True(System.Math.Abs(ratioLower - System.Math.Exp(lower)) <= 1e-8 * ratioLower, $"{level}: derived {ratioLower}, exp(parameter) {System.Math.Exp(lower)}");
            Assert.True(System.Math.Abs(ratioUpper - System.Math.Exp(upper)) <= 1e-8 * ratioUpper, $"{level}: derived {ratioUpper}, exp(parameter) {System.Math.Exp(upper)}");
        }

        ParameterProfile curve = fit.Profile("InflHighOddsRatio", points: 11);
        Assert.Equal("InflHighOddsRatio", curve.Name);
        Assert.Equal(fit.Derived["InflHighOddsRatio"].Estimate, curve.Estimate);
        Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => fit.ProfileInterval("NoSuchQuantity"));
    }

    [Fact]
    public void ZeroInflatedPoissonMatchesZeroinflOnBioChemists()
    {
        ReferenceCase c = ReferenceCase.Load("zip_biochemists");
        var model = new ZipBioChemistsModel
        {
            Art = ReferenceCheck.Ints(c.Columns["art"]),
            Fem = c.Columns["fem"], Mar = c.Columns["mar"], Kid5 = c.Columns["kid5"], Phd = c.Columns["phd"], Ment = c.Columns["ment"],
        };
        FitResult fit = model.Fit(new FitOptions { Covariance = CovarianceKind.Observed });
        var check = new ReferenceCheck(c);
        check.Fit(fit);
        check.Parameters(fit, ReferenceCheck.Same("intercept", "fem", "mar", "kid5", "phd", "ment", "zeroIntercept", "zeroMent"));
        check.Summary(fit);
        check.AssertAll();
    }
}

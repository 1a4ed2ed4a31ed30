using System;
using System.Linq;
using MleGen.Tests.Fitting;
using MleGen.Tests.Reference.Models;
using Xunit;

namespace MleGen.Tests.Reference;

/// <summary>
/// Every case of tests/data/reference fitted on a GENERATED model (the [Model] classes in Reference/Models) and
/// compared with expected.json at the file's own tolerances: estimates, standard errors (the se_method the file
/// states), Wald and profile intervals, sandwich standard errors, loglik/AIC/BIC, and the MAP quantities.
/// </summary>
public class ReferenceCaseTests
{
    /// <summary>The default method (automatic), so every case is also a test that the default gets there.</summary>
    private static FitOptions Options(CovarianceKind covariance = CovarianceKind.Observed, FitMethod method = FitMethod.Auto) =>
        new() { Method = method, Covariance = covariance };

    /// <summary>The standard checks of a pure-MLE case with observed-information standard errors.</summary>
    private static void CheckMle(ReferenceCheck check, FitResult fit, (string, string)[] names, bool profiles)
    {
        check.Fit(fit);
        check.Parameters(fit, names);
        check.Summary(fit);
        if (check.Case.Root.GetProperty("tolerance").TryGetProperty("se_robust", out _) || names.Any(n => check.Case.HasParameterField(n.Item2, "se_robust")))
        {
            check.StandardErrors(fit, CovarianceKind.Sandwich, names, "se_robust", check.Case.Tolerance("se_robust", "se"));
        }

        if (profiles)
        {
            check.Profiles(fit, names);
        }

        SeExpected(check, fit, names);
    }

    /// <summary>se_expected wherever the file gives it, from the expected information at the estimate.</summary>
    private static void SeExpected(ReferenceCheck check, FitResult fit, (string, string)[] names)
    {
        if (fit.CovarianceKind != CovarianceKind.Expected && names.Any(n => check.Case.HasParameterField(n.Item2, "se_expected")))
        {
            check.StandardErrors(fit, CovarianceKind.Expected, names, "se_expected", check.Case.Tolerance("se"));
        }
    }

    [Fact]
    public void OlsCars()
    {
        ReferenceCase c = ReferenceCase.Load("ols_cars");
        var model = new OlsCarsModel { Speed = c.Columns["speed"], Dist = c.Columns["dist"] };
        FitResult fit = model.Fit(Options());
        var check = new ReferenceCheck(c);
        CheckMle(check, fit, ReferenceCheck.Same("intercept", "speed", "sigma"), profiles: true);
        check.AssertAll();
    }

    /// <summary>Longley's X has condition number 4.9e9 (X'X: 2.4e19): run with every optimizer, each must reach NIST's values.</summary>
    [Theory]
    [InlineData(FitMethod.Auto)]
    [InlineData(FitMethod.Lbfgs)]
    [InlineData(FitMethod.FisherScoring)]
    public void OlsLongleyNist(FitMethod method)
    {
        ReferenceCase c = ReferenceCase.Load("ols_longley_nist");
        var model = new OlsLongleyModel
        {
            Y = c.Columns["y"], X1 = c.Columns["x1"], X2 = c.Columns["x2"], X3 = c.Columns["x3"],
            X4 = c.Columns["x4"], X5 = c.Columns["x5"], X6 = c.Columns["x6"],
        };
        FitResult fit = model.Fit(Options(method: method));
        var check = new ReferenceCheck(c, method.ToString());
        var names = ReferenceCheck.Same("intercept", "x1", "x2", "x3", "x4", "x5", "x6", "sigma");
        CheckMle(check, fit, names, profiles: false);
        check.AtReferenceEstimate(model, names, "se", observed: true);
        check.AssertAll();
    }

    [Fact]
    public void LogisticMtcars()
    {
        ReferenceCase c = ReferenceCase.Load("logistic_mtcars");
        var model = new LogisticMtcarsModel { Am = ReferenceCheck.Ints(c.Columns["am"]), Wt = c.Columns["wt"], Hp = c.Columns["hp"] };
        FitResult fit = model.Fit(Options());
        var check = new ReferenceCheck(c);
        CheckMle(check, fit, ReferenceCheck.Same("intercept", "wt", "hp"), profiles: true);
        check.AssertAll();
    }

    private static PoissonWarpbreaksModel Warpbreaks(ReferenceCase c) => new()
    {
        Breaks = ReferenceCheck.Ints(c.Columns["breaks"]),
        WoolB = c.Columns["woolB"],
        TensionM = c.Columns["tensionM"],
        TensionH = c.Columns["tensionH"],
    };

    [Fact]
    public void PoissonWarpbreaks()
    {
        ReferenceCase c = ReferenceCase.Load("poisson_warpbreaks");
        FitResult fit = Warpbreaks(c).Fit(Options());
        var check = new ReferenceCheck(c);
        CheckMle(check, fit, ReferenceCheck.Same("intercept", "woolB", "tensionM", "tensionH"), profiles: true);
        check.AssertAll();
    }

    [Fact]
    public void LrtWarpbreaksInteraction()
    {
        ReferenceCase c = ReferenceCase.Load("lrt_warpbreaks_interaction");
        var full = new PoissonWarpbreaksInteractionModel
        {
            Breaks = ReferenceCheck.Ints(c.Columns["breaks"]),
            WoolB = c.Columns["woolB"],
            TensionM = c.Columns["tensionM"],
            TensionH = c.Columns["tensionH"],
            WoolBTensionM = c.Columns["woolB_tensionM"],
            WoolBTensionH = c.Columns["woolB_tensionH"],
        };
        FitResult fullFit = full.Fit(Options());
        FitResult nullFit = Warpbreaks(c).Fit(Options());
        var check = new ReferenceCheck(c);
        CheckMle(check, fullFit, ReferenceCheck.Same("intercept", "woolB", "tensionM", "tensionH", "woolB_tensionM", "woolB_tensionH"), profiles: true);
        check.Fit(nullFit, "null fit");

        // The null (additive) model against the file's null_model block.
        var nullModel = c.Root.GetProperty("null_model");
        double tEstimate = c.Tolerance("estimate"), tSe = c.Tolerance("se"), tLoglik = c.Tolerance("loglik");
        foreach (var p in nullModel.GetProperty("parameters").EnumerateObject())
        {
            ParameterEstimate ours = nullFit[p.Name];
            check.Relative("null.estimate", p.Name, p.Value.GetProperty("estimate").GetDouble(), ours.Estimate, tEstimate);
            check.Relative("null.se", p.Name, p.Value.GetProperty("se").GetDouble(), ours.StandardError ?? double.NaN, tSe);
            check.Relative("null.ci95_wald", p.Name + " lower", p.Value.GetProperty("ci95_wald")[0].GetDouble(), ours.Lower ?? double.NaN, tSe);
            check.Relative("null.ci95_wald", p.Name + " upper", p.Value.GetProperty("ci95_wald")[1].GetDouble(), ours.Upper ?? double.NaN, tSe);
        }

        check.Relative("null.loglik", "loglik", nullModel.GetProperty("loglik").GetDouble(), nullFit.LogLikelihood, tLoglik);
        check.Relative("null.aic", "aic", nullModel.GetProperty("aic").GetDouble(), nullFit.Aic, tLoglik);
        check.Relative("null.bic", "bic", nullModel.GetProperty("bic").GetDouble(), nullFit.Bic, tLoglik);

        var lrt = c.Root.GetProperty("lrt");
        LikelihoodRatio lr = FitResult.LikelihoodRatioTest(nullFit, fullFit);
        check.Relative("lrt.statistic", "statistic", lrt.GetProperty("statistic").GetDouble(), lr.Statistic, c.Tolerance("statistic"));
        check.Relative("lrt.df", "df", lrt.GetProperty("df").GetDouble(), lr.DegreesOfFreedom, 0);
        check.Relative("lrt.p_value", "p_value", lrt.GetProperty("p_value").GetDouble(), lr.PValue, c.Tolerance("p_value"));
        check.AssertAll();
    }

    [Fact]
    public void NegbinQuine()
    {
        ReferenceCase c = ReferenceCase.Load("negbin_quine");
        var model = new NegbinQuineModel
        {
            Days = ReferenceCheck.Ints(c.Columns["days"]),
            IsEthN = c.Columns["EthN"], IsSexM = c.Columns["SexM"], IsAgeF1 = c.Columns["AgeF1"],
            IsAgeF2 = c.Columns["AgeF2"], IsAgeF3 = c.Columns["AgeF3"], IsLrnSL = c.Columns["LrnSL"],
        };
        FitResult fit = model.Fit(Options());
        var check = new ReferenceCheck(c);
        var names = ReferenceCheck.Same("intercept", "EthN", "SexM", "AgeF1", "AgeF2", "AgeF3", "LrnSL", "theta");
        CheckMle(check, fit, names, profiles: false);
        check.AssertAll();
    }

    [Fact]
    public void GammaGlmTrees()
    {
        ReferenceCase c = ReferenceCase.Load("gamma_glm_trees");
        var model = new GammaGlmTreesModel { Volume = c.Columns["volume"], Girth = c.Columns["girth"], Height = c.Columns["height"] };
        FitResult fit = model.Fit(Options());
        var check = new ReferenceCheck(c);
        var names = ReferenceCheck.Same("intercept", "girth", "height", "shape");
        CheckMle(check, fit, names, profiles: true);
        check.AssertAll();
    }

    [Fact]
    public void WeibullGroundbeef()
    {
        ReferenceCase c = ReferenceCase.Load("weibull_groundbeef");
        var model = new WeibullGroundbeefModel { Serving = c.Columns["serving"] };
        FitResult fit = model.Fit(Options());
        var check = new ReferenceCheck(c);
        var names = ReferenceCheck.Same("shape", "scale");
        CheckMle(check, fit, names, profiles: true);
        check.AssertAll();
        Assert.Empty(fit.Diagnostics); // an iid fit of the right family: no run-time warning
    }

    [Fact]
    public void GammaDistPrecip()
    {
        ReferenceCase c = ReferenceCase.Load("gamma_dist_precip");
        var model = new GammaPrecipModel { Precip = c.Columns["precip"] };
        FitResult fit = model.Fit(Options());
        var check = new ReferenceCheck(c);
        var names = ReferenceCheck.Same("shape", "rate");
        CheckMle(check, fit, names, profiles: true);
        check.AssertAll();
        Assert.Empty(fit.Diagnostics); // an iid fit of the right family: no run-time warning
    }

    [Fact]
    public void StudentTDax()
    {
        ReferenceCase c = ReferenceCase.Load("student_t_dax");
        var model = new StudentTDaxModel { Ret = c.Columns["ret"] };
        FitResult fit = model.Fit(Options());
        var check = new ReferenceCheck(c);
        var names = ReferenceCheck.Same("nu", "location", "scale");
        CheckMle(check, fit, names, profiles: true);
        check.AssertAll();
        Assert.Empty(fit.Diagnostics); // an iid fit of the right family: no run-time warning
    }

    [Fact]
    public void LaplaceLadStackloss()
    {
        ReferenceCase c = ReferenceCase.Load("laplace_lad_stackloss");
        var model = new LaplaceStacklossModel
        {
            StackLoss = c.Columns["stack_loss"], AirFlow = c.Columns["air_flow"],
            WaterTemp = c.Columns["water_temp"], AcidConc = c.Columns["acid_conc"],
        };

        // The file's se is from the expected information (the observed one does not exist for the coefficients).
        // The default method: the fitter sees the kinks (HasKinks) and solves by smoothing continuation.
        Assert.True(((IMleModel)model).HasKinks);
        FitResult fit = model.Fit(Options(CovarianceKind.Expected));
        var check = new ReferenceCheck(c);
        var names = ReferenceCheck.Same("intercept", "air_flow", "water_temp", "acid_conc", "scale");
        check.Fit(fit);
        check.Parameters(fit, names);
        check.Summary(fit);
        check.Profiles(fit, names);
        check.AtReferenceEstimate(model, names, "se", observed: false);
        check.AssertAll();
    }

    [Fact]
    public void MultinomWomenlf()
    {
        ReferenceCase c = ReferenceCase.Load("multinom_womenlf");
        var model = new MultinomWomenlfModel
        {
            Partic = ReferenceCheck.Ints(c.Columns["partic"]), Hincome = c.Columns["hincome"], Children = c.Columns["children"],
        };
        FitResult fit = model.Fit(Options());
        var check = new ReferenceCheck(c);
        var names = new[] { 1, 2 }.SelectMany(k => new[] { "intercept", "hincome", "children" }.Select(t => ($"{t}[{k - 1}]", $"k{k}.{t}"))).ToArray();
        CheckMle(check, fit, names, profiles: false);
        check.AssertAll();
    }

    [Fact]
    public void RidgeMapLogisticPima()
    {
        ReferenceCase c = ReferenceCase.Load("ridge_map_logistic_pima");
        var model = new RidgePimaModel
        {
            Diabetes = ReferenceCheck.Ints(c.Columns["diabetes"]),
            Npreg = c.Columns["npreg"], Glu = c.Columns["glu"], Bp = c.Columns["bp"], Skin = c.Columns["skin"],
            Bmi = c.Columns["bmi"], Ped = c.Columns["ped"], Age = c.Columns["age"],
        };
        FitResult fit = model.Fit(Options());
        var check = new ReferenceCheck(c);
        string[] slopes = ["npreg", "glu", "bp", "skin", "bmi", "ped", "age"];
        check.Fit(fit);
        check.Parameters(fit, ReferenceCheck.Same(["intercept", .. slopes]));
        check.Summary(fit, informationCriteria: false);
        SeExpected(check, fit, ReferenceCheck.Same(["intercept", .. slopes]));

        double tPosterior = c.Tolerance("log_posterior");
        double logPosterior = fit.LogPosterior ?? double.NaN;
        check.Relative("log_posterior", "log_posterior", c.Number("log_posterior"), logPosterior, tPosterior);
        check.Relative("log_prior", "log_prior", c.Number("log_prior"), logPosterior - fit.LogLikelihood, c.Tolerance("log_prior", "log_posterior"));
        double penalty = slopes.Sum(s => fit[s].Estimate * fit[s].Estimate) / (2 * 0.5 * 0.5);
        check.Relative("objective_value", "objective_value", c.Number("objective_value"), fit.LogLikelihood - penalty, c.Tolerance("objective_value", "log_posterior"));
        check.AssertAll();
    }

    /// <summary>
    /// Lasso logistic regression on raw covariate scales (4 of 9 slopes nonzero): OWL-QN alone stopped with relative errors up
    /// to 1e-4 (intercept 1.49868 against 1.498586); Newton on its active set reaches the file's KKT-exact optimum.
    /// </summary>
    [Fact]
    public void LassoMapLogisticBirthwt()
    {
        ReferenceCase c = ReferenceCase.Load("lasso_map_logistic_birthwt");
        var model = new LassoBirthwtModel
        {
            Low = ReferenceCheck.Ints(c.Columns["low"]), Age = c.Columns["age"], Lwt = c.Columns["lwt"], Race2 = c.Columns["race2"],
            Race3 = c.Columns["race3"], Smoke = c.Columns["smoke"], Ptl = c.Columns["ptl"], Ht = c.Columns["ht"], Ui = c.Columns["ui"],
            Ftv = c.Columns["ftv"],
        };
        FitResult fit = model.Fit();
        var check = new ReferenceCheck(c);
        check.Fit(fit);
        Assert.Equal(FitMethod.OwlQn, fit.Method);
        Assert.True(fit.Converged, fit.ToString());
        Assert.True(fit.KktResidual <= 1e-9, $"KKT residual {fit.KktResidual}");
        double tEstimate = c.Tolerance("estimate");
        foreach (var p in c.Root.GetProperty("parameters").EnumerateObject())
        {
            double expected = p.Value.GetProperty("estimate").GetDouble();
            if (expected == 0)
            {
                check.Relative("exact zero", p.Name, 1, fit[p.Name].Estimate == 0 ? 1 : 0, 0);
            }
            else
            {
                check.Relative("estimate", p.Name, expected, fit[p.Name].Estimate, tEstimate);
            }
        }

        check.Relative("loglik", "loglik", c.Number("loglik"), fit.LogLikelihood, c.Tolerance("loglik"));
        check.Relative("objective_value", "log_posterior", c.Number("objective_value"), fit.LogPosterior ?? double.NaN, c.Tolerance("objective_value"));
        check.AssertAll();
    }

    /// <summary>
    /// A 2-component normal mixture (faithful waiting times): estimates, observed-information standard errors and profile
    /// intervals of every parameter — the simplex weights too (one held at t, the other at 1 − t, the components
    /// re-optimized) — against R; and the expected-information standard errors (the generated expected information calls
    /// <see cref="Functions.NormalMixtureInformation"/>: n·F, and the fitter maps it to the simplex's free coordinates).
    /// </summary>
    [Fact]
    public void MixtureFaithfulWaiting()
    {
        ReferenceCase c = ReferenceCase.Load("mixture_faithful_waiting");
        double[] y = c.Columns["waiting"];
        var model = new MleGen.Tests.EndToEnd.Models.NormalMixtureModel { Y = y, Weights = [0.5, 0.5], Means = [50, 80], Sds = [5, 5] };
        FitResult fit = model.Fit();
        var check = new ReferenceCheck(c);
        var names = ReferenceCheck.Same("Weights[0]", "Weights[1]", "Means[0]", "Means[1]", "Sds[0]", "Sds[1]");
        check.Fit(fit);
        check.Parameters(fit, names);
        check.Summary(fit);
        check.Profiles(fit, names);

        // se_expected: the generated expected information (n·F by quadrature) through the fitter's simplex-aware covariance.
        FitResult expected = fit.WithCovariance(CovarianceKind.Expected);
        foreach (var (ours, theirs) in names)
        {
            check.Relative("se_expected", ours, c.ParameterNumber(theirs, "se_expected"), expected[ours].StandardError ?? double.NaN, c.Tolerance("se_expected"));
        }

        check.AssertAll();
    }
}

using System;
using System.Linq;
using MleGen.Tests.Fitting.TestModels;
using Xunit;

namespace MleGen.Tests.Fitting;

/// <summary>Regression reference cases written as per-row Jet log densities (the row index is passed as the "observation").</summary>
public class RegressionJetFitTests
{
    private static ParameterInfo Free(string name) => new(name, double.NegativeInfinity, double.PositiveInfinity, -1);

    private static double[] Rows(int n) => Enumerable.Range(0, n).Select(i => (double)i).ToArray();

    [Fact]
    public void NegativeBinomialQuineMatchesR()
    {
        ReferenceCase c = ReferenceCase.Load("negbin_quine");
        string[] covariates = ["EthN", "SexM", "AgeF1", "AgeF2", "AgeF3", "LrnSL"];
        string[] names = ["intercept", .. covariates, "theta"];
        double[] y = c.Columns["days"];
        double[][] x = covariates.Select(v => c.Columns[v]).ToArray();
        ParameterInfo[] infos = [.. names[..^1].Select(Free), new ParameterInfo("theta", 0, double.PositiveInfinity, -1)];
        double[] start = new double[8];
        start[7] = 1;
        var model = new JetDensityModel(infos, start, Rows(y.Length), (t, row) =>
        {
            int i = (int)row;
            Jet eta = t[0];
            for (int j = 0; j < covariates.Length; j++)
            {
                eta += t[j + 1] * x[j][i];
            }

            Jet mu = Jet.Exp(eta), theta = t[7];
            return Jet.LogGamma(theta + y[i]) - Jet.LogGamma(theta) - MathNet.Numerics.SpecialFunctions.GammaLn(y[i] + 1)
                + (theta * Jet.Log(theta / (theta + mu))) + (y[i] * Jet.Log(mu / (theta + mu)));
        });

        FitResult fit = ModelFitter.Fit(model);
        Assert.True(fit.Converged, fit.ToString());
        FitResult robust = fit.WithCovariance(CovarianceKind.Sandwich);
        foreach (string n in names)
        {
            Expect.Relative(c.ParameterNumber(n, "estimate"), fit[n].Estimate, c.Tolerance("estimate"), n);
            Expect.Relative(c.ParameterNumber(n, "se"), fit[n].StandardError!.Value, c.Tolerance("se"), n + " se");
            Expect.Relative(c.ParameterNumber(n, "se_robust"), robust[n].StandardError!.Value, c.Tolerance("se_robust"), n + " se_robust");
        }

        Expect.Relative(c.Number("loglik"), fit.LogLikelihood, c.Tolerance("loglik"), "loglik");
        Expect.Relative(c.Number("aic"), fit.Aic, c.Tolerance("loglik"), "aic");
        Expect.Relative(c.Number("bic"), fit.Bic, c.Tolerance("loglik"), "bic");
    }

    [Fact]
    public void MultinomialWomenlfMatchesR()
    {
        ReferenceCase c = ReferenceCase.Load("multinom_womenlf");
        string[] names = ["k1.intercept", "k1.hincome", "k1.children", "k2.intercept", "k2.hincome", "k2.children"];
        double[] y = c.Columns["partic"], income = c.Columns["hincome"], children = c.Columns["children"];
        var model = new JetDensityModel(names.Select(Free).ToArray(), new double[6], Rows(y.Length), (t, row) =>
        {
            int i = (int)row;
            Jet eta1 = t[0] + (t[1] * income[i]) + (t[2] * children[i]);
            Jet eta2 = t[3] + (t[4] * income[i]) + (t[5] * children[i]);
            Jet logNormalizer = Jet.Log(1 + Jet.Exp(eta1) + Jet.Exp(eta2));
            Jet chosen = y[i] switch { 1 => eta1, 2 => eta2, _ => eta1 * 0 };
            return chosen - logNormalizer;
        });

        FitResult fit = ModelFitter.Fit(model);
        Assert.True(fit.Converged, fit.ToString());
        FitResult robust = fit.WithCovariance(CovarianceKind.Sandwich);
        foreach (string n in names)
        {
            Expect.Relative(c.ParameterNumber(n, "estimate"), fit[n].Estimate, c.Tolerance("estimate"), n);
            Expect.Relative(c.ParameterNumber(n, "se"), fit[n].StandardError!.Value, c.Tolerance("se"), n + " se");
            Expect.Relative(c.ParameterNumber(n, "se_robust"), robust[n].StandardError!.Value, c.Tolerance("se_robust"), n + " se_robust");
        }

        Expect.Relative(c.Number("loglik"), fit.LogLikelihood, c.Tolerance("loglik"), "loglik");
        Expect.Relative(c.Number("aic"), fit.Aic, c.Tolerance("loglik"), "aic");
    }
}

using System;
using MathNet.Numerics;

namespace MleGen;

/// <summary>
/// The deviance table of a GLM-shaped fit, as R's <c>summary.glm</c> prints it (<see cref="FitResult.Glm"/>).
/// The deviance is 2(ℓ_saturated − ℓ̂) — for a Gaussian model the residual sum of squares, for a negative
/// binomial the deviance at the estimated θ (<c>MASS::glm.nb</c>).
/// </summary>
/// <param name="Family">The family.</param>
/// <param name="Link">The link.</param>
/// <param name="Deviance">The residual deviance.</param>
/// <param name="NullDeviance">The deviance of the intercept-only model (μ = the mean of the observations); null without an intercept or with an offset, where it needs a fit of its own.</param>
/// <param name="ResidualDegreesOfFreedom">n − the number of free coefficients of the linear predictor (the dispersion parameter not counted, as in R).</param>
/// <param name="NullDegreesOfFreedom">n − 1; null with <paramref name="NullDeviance"/>.</param>
/// <param name="Dispersion">1 for Poisson, binomial and negative binomial; the residual sum of squares over its degrees of freedom for a Gaussian model (R's dispersion).</param>
public sealed record GlmStatistics(GlmFamily Family, GlmLink Link, double Deviance, double? NullDeviance, int ResidualDegreesOfFreedom, int? NullDegreesOfFreedom, double Dispersion)
{
    /// <summary>The statistics of a fit at <paramref name="theta"/> with log-likelihood <paramref name="logLikelihood"/>.</summary>
    internal static GlmStatistics Compute(GlmTerm term, double logLikelihood, ReadOnlySpan<double> theta, ParameterInfo[] infos, bool[] isFixed)
    {
        double[] y = term.Observed;
        int n = y.Length;
        int dispersionIndex = term.Dispersion is null ? -1 : Array.FindIndex(infos, info => info.Name == term.Dispersion);
        int coefficients = 0;
        for (int i = 0; i < infos.Length; i++)
        {
            coefficients += !isFixed[i] && i != dispersionIndex ? 1 : 0;
        }

        double phi = dispersionIndex >= 0 ? theta[dispersionIndex] : double.NaN;
        double deviance = term.Family switch
        {
            GlmFamily.Gaussian => 2 * phi * phi * (-logLikelihood - (n * Math.Log(phi)) - (0.5 * n * Math.Log(2 * Math.PI))),
            _ => 2 * (SaturatedLogLikelihood(term, phi) - logLikelihood),
        };
        int residualDf = n - coefficients;
        double? nullDeviance = term.HasIntercept && !term.HasOffset ? NullModelDeviance(term, phi) : null;
        double dispersion = term.Family == GlmFamily.Gaussian ? deviance / residualDf : 1;
        return new GlmStatistics(term.Family, term.Link, deviance, nullDeviance, residualDf, nullDeviance is null ? null : n - 1, dispersion);
    }

    /// <summary>Σ log p(yᵢ | μᵢ = yᵢ): each observation fitted exactly.</summary>
    private static double SaturatedLogLikelihood(GlmTerm term, double theta)
    {
        double[] y = term.Observed;
        double sum = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double yi = y[i];
            sum += term.Family switch
            {
                GlmFamily.Poisson => XLogY(yi, yi) - yi - SpecialFunctions.GammaLn(yi + 1),
                GlmFamily.Binomial => Binomial(yi, term.Trials?[i] ?? 1),
                // As NegativeBinomial.LogDensity: no log Γ(y + θ) − log Γ(θ) or θ·log(θ/(θ + y)) cancelling at a large θ.
                GlmFamily.NegativeBinomial => Functions.LogGammaDifference(yi, theta) - SpecialFunctions.GammaLn(yi + 1)
                    - (theta * Functions.Log1p(yi / theta)) + XLogY(yi, yi / (theta + yi)),
                _ => throw new ArgumentOutOfRangeException(nameof(term), term.Family, "No saturated likelihood for this family."),
            };
        }

        return sum;

        static double Binomial(double successes, double trials) =>
            SpecialFunctions.GammaLn(trials + 1) - SpecialFunctions.GammaLn(successes + 1) - SpecialFunctions.GammaLn(trials - successes + 1)
            + XLogY(successes, successes / trials) + XLogY(trials - successes, (trials - successes) / trials);
    }

    /// <summary>The deviance of μᵢ = the (trial-weighted) mean of the observations, the intercept-only model's estimate under a canonical or log link.</summary>
    private static double NullModelDeviance(GlmTerm term, double theta)
    {
        double[] y = term.Observed;
        double total = 0, trials = 0;
        for (int i = 0; i < y.Length; i++)
        {
            total += y[i];
            trials += term.Trials?[i] ?? 1;
        }

        double mean = total / (term.Family == GlmFamily.Binomial ? trials : y.Length);
        double sum = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double yi = y[i];
            sum += term.Family switch
            {
                GlmFamily.Gaussian => (yi - mean) * (yi - mean),
                GlmFamily.Poisson => 2 * (XLogY(yi, yi / mean) - (yi - mean)),
                GlmFamily.Binomial => BinomialDeviance(yi, term.Trials?[i] ?? 1, mean),
                GlmFamily.NegativeBinomial => 2 * (XLogY(yi, yi / mean) - ((yi + theta) * Math.Log((yi + theta) / (mean + theta)))),
                _ => throw new ArgumentOutOfRangeException(nameof(term), term.Family, "No deviance for this family."),
            };
        }

        return sum;

        static double BinomialDeviance(double successes, double trials, double p) =>
            2 * (XLogY(successes, successes / (trials * p)) + XLogY(trials - successes, (trials - successes) / (trials * (1 - p))));
    }

    /// <summary>x·log y with 0·log 0 = 0.</summary>
    private static double XLogY(double x, double y) => x == 0 ? 0 : x * Math.Log(y);
}

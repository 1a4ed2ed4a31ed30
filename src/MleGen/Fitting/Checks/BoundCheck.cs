using System;
using System.Collections.Generic;

namespace MleGen;

/// <summary>
/// <c>MLE1002</c> (a diverging likelihood) and <c>MLE1009</c> (an estimate on or numerically at a bound, or running to an
/// infinite limit), judged by the likelihood itself, not by the estimate's size, so the verdict does not depend on the
/// units of the data: each bounded parameter's distance to its bound is shrunk by factors of 10 (the others held) and, for a
/// parameter bounded on one side only, grown by factors of 10 and 100.
/// </summary>
internal static class BoundCheck
{
    /// <summary>
    /// A change of the log-likelihood below this when the distance to the bound shrinks tenfold (or grows a hundredfold)
    /// means the data cannot tell the estimate from the bound (or from the limit): a likelihood-ratio statistic of 0.002,
    /// far inside any confidence region (χ²₁ at 95 % is 3.84).
    /// </summary>
    internal const double FlatLogLikelihood = 1e-3;

    /// <summary>
    /// A mixture component holding fewer than this many observations' worth of weight (n·w) has collapsed onto one or two
    /// points: the unbounded spike of a Gaussian mixture's likelihood, not a component of the data.
    /// </summary>
    internal const double MinComponentObservations = 2;

    /// <summary>The relative moves that read the objective's rounding off its jumps (see <see cref="RunsToLimit"/>).</summary>
    private const double RoundingProbe = 1e-6;

    /// <summary>A change up to this many times the observed rounding jump is within the objective's rounding.</summary>
    private const double RoundingAllowance = 4;

    public static void Run(CheckContext c, List<FitDiagnostic> diagnostics)
    {
        double f0 = c.Objective;
        double tolerance = 1e-9 * (1 + Math.Abs(f0));
        for (int i = 0; i < c.Theta.Length; i++)
        {
            ParameterInfo info = c.Problem.Infos[i];
            if (!c.IsFreeScalar(i) || !info.IsBounded)
            {
                continue;
            }

            double estimate = c.Theta[i];
            bool hasLower = !double.IsNegativeInfinity(info.Lower), hasUpper = !double.IsPositiveInfinity(info.Upper);
            if (hasLower != hasUpper && RunsToLimit(c, i, hasLower ? info.Lower : info.Upper, hasLower, f0, diagnostics))
            {
                continue;
            }

            foreach (bool lower in new[] { true, false })
            {
                if (lower ? !hasLower : !hasUpper)
                {
                    continue;
                }

                double bound = lower ? info.Lower : info.Upper;
                double distance = Math.Abs(estimate - bound);
                double Toward(double factor) => c.ObjectiveWith(t => t[i] = bound + ((lower ? 1 : -1) * distance * factor));
                double tenth = Toward(0.1), hundredth = Toward(0.01);
                if (!double.IsFinite(tenth) || !double.IsFinite(hundredth))
                {
                    continue;
                }

                double first = tenth - f0, second = hundredth - tenth;
                if (first < -tolerance && second < -tolerance && second <= 0.5 * first)
                {
                    diagnostics.Add(new FitDiagnostic(FitDiagnosticIds.DivergingLikelihood, FitDiagnosticSeverity.Warning, CheckContext.Format(
                        $"{info.Name} = {estimate:G4} is heading to its bound {bound:G4}: the log-likelihood keeps growing as it approaches ({-first:G3} for its distance shrunk tenfold, {-second:G3} for another tenfold), so there is no maximum (a scale collapsing onto the data, a mixture component onto one point). Its estimate and Wald interval are not meaningful; bound it away (a floor) or give it a prior that vanishes at the bound (e.g. GammaPrior(2, …)).")));
                    c.Unusable.Add(i);
                    break;
                }

                if (first < FlatLogLikelihood)
                {
                    diagnostics.Add(new FitDiagnostic(FitDiagnosticIds.AtBound, FitDiagnosticSeverity.Warning, CheckContext.Format(
                        $"{info.Name} = {estimate:G6} is at its bound {bound:G4}: moving it ten times closer changes the log-likelihood by {-first:G2}, so the data cannot tell it from the bound. The Wald standard error and interval do not apply there; use fit.ProfileInterval(\"{info.Name}\") (one end is the bound), and consider a model without the parameter.")));
                    c.Unusable.Add(i);
                    break;
                }
            }
        }

        CollapsedComponents(c, diagnostics);
    }

    /// <summary>
    /// For a parameter bounded on one side: true (and the warning added) when the estimate is running away from the bound to
    /// the infinite limit (a NegativeBinomial dispersion → ∞, its Poisson limit): 10 and 100 times farther from the bound the
    /// log-likelihood is no lower.
    /// </summary>
    private static bool RunsToLimit(CheckContext c, int i, double origin, bool lowerBound, double f0, List<FitDiagnostic> diagnostics)
    {
        double estimate = c.Theta[i];
        double far = Math.Abs(estimate - origin);
        double Away(double factor) => c.ObjectiveWith(t => t[i] = origin + ((lowerBound ? 1 : -1) * far * factor));
        double ten = Away(10), hundred = Away(100);
        if (!double.IsFinite(ten) || !double.IsFinite(hundred))
        {
            return false;
        }

        // Far out the objective is a sum of large cancelling terms (a NegativeBinomial's log-gammas at φ = 1e9 lose 1e-5 per
        // observation): a change within its own rounding there is flat too. The rounding is read off the objective itself,
        // as its jumps under relative moves of 1e-6 (which change a smooth objective by a millionth of the step's change).
        double rounding = Math.Max(Math.Abs(Away(100 * (1 + RoundingProbe)) - hundred), Math.Abs(Away(100 * (1 - RoundingProbe)) - hundred));
        if (hundred - f0 >= FlatLogLikelihood + (RoundingAllowance * rounding) || ten - f0 >= FlatLogLikelihood)
        {
            return false;
        }

        string name = c.Name(i), limit = lowerBound ? "+∞" : "−∞";
        diagnostics.Add(new FitDiagnostic(FitDiagnosticIds.AtBound, FitDiagnosticSeverity.Warning, CheckContext.Format(
            $"{name} = {estimate:G4} is running to its limit {limit}: a value 100 times farther from its bound changes the log-likelihood by {f0 - hundred:G2}, so the data cannot tell it from the limit (a NegativeBinomial dispersion → ∞ is the Poisson model: no over-dispersion). The Wald standard error and interval do not apply; use fit.ProfileInterval(\"{name}\") (one end is infinite), or the limiting model.")));
        c.Unusable.Add(i);
        return true;
    }

    /// <summary>Simplex members (mixture weights) holding fewer than <see cref="MinComponentObservations"/> observations in a model with a NormalMixture term.</summary>
    private static void CollapsedComponents(CheckContext c, List<FitDiagnostic> diagnostics)
    {
        if (!c.HasFamily("NormalMixture"))
        {
            return;
        }

        long n = c.ObservationCount;
        for (int i = 0; i < c.Theta.Length; i++)
        {
            if (!c.Problem.Infos[i].IsSimplex || c.Problem.IsFixed[i])
            {
                continue;
            }

            double share = c.Theta[i] * n;
            if (share < MinComponentObservations)
            {
                diagnostics.Add(new FitDiagnostic(FitDiagnosticIds.DivergingLikelihood, FitDiagnosticSeverity.Warning, CheckContext.Format(
                    $"{c.Name(i)} = {c.Theta[i]:G3}: its mixture component holds {share:G3} of {n} observations, i.e. it has collapsed onto one or two points (a spike of the mixture's unbounded likelihood, not a component of the data). Its parameters' estimates and Wald intervals are not meaningful; refit from other start values, with fewer components, or with a floor or prior on the sds.")));
                c.Unusable.Add(i);
            }
        }
    }
}

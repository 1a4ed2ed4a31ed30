using System;
using System.Collections.Generic;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace MleGen;

/// <summary>
/// <c>MLE1004</c>: (quasi-)complete separation in a binary or categorical model. When some direction d of the unbounded
/// parameters separates the classes, the likelihood rises along θ̂ + t·d for every t &gt; 0 and has no maximum: an optimizer
/// stops somewhere along the ray with a huge estimate and a huge standard error. The check looks for such a direction of
/// recession from the estimate: candidates are the null directions of the information (the separated observations carry
/// none along d), each coordinate axis, and θ̂ itself; a candidate is a direction of recession when the objective never
/// rises along the ray (geometric steps up to 2¹² times the estimate's size) and falls by the end.
/// </summary>
internal static class SeparationCheck
{
    /// <summary>
    /// A binary observation is "nearly fitted perfectly" when its unit deviance −2·log p̂(yᵢ) is below this (p̂ within 5e-5
    /// of its observed class, |η| &gt; 9.9). On large data sets the ray test only runs when some observation is: separation
    /// puts observations there (even when an optimizer stops early on the ray), a well-specified fit rarely.
    /// </summary>
    internal const double PerfectFitDeviance = 1e-4;

    /// <summary>Up to this many observations the ray test always runs (on a fit with a maximum it costs about 2(p + 3) evaluations of the objective).</summary>
    internal const int AlwaysTestedObservations = 100_000;

    /// <summary>Geometric steps along a ray: 2⁰…2¹² times (1 + the largest |θ̂ⱼ|), far beyond any finite maximum's neighbourhood.</summary>
    internal const int RaySteps = 12;

    /// <summary>Components at least this fraction of the direction's largest name a parameter as diverging.</summary>
    internal const double DirectionComponent = 0.1;

    public static bool Run(CheckContext c, List<FitDiagnostic> diagnostics)
    {
        if (!c.HasFamily(CheckContext.ClassFamilies) || (c.ObservationCount > AlwaysTestedObservations && !AnyPerfectFit(c)))
        {
            return false;
        }

        var free = new List<int>();
        for (int i = 0; i < c.Theta.Length; i++)
        {
            if (c.IsFreeScalar(i) && !c.Problem.Infos[i].IsBounded)
            {
                free.Add(i);
            }
        }

        if (free.Count == 0)
        {
            return false;
        }

        bool perfect = AllPerfectlyFitted(c);
        foreach (double[] direction in Candidates(c, free))
        {
            foreach (double sign in new[] { 1.0, -1.0 })
            {
                if (IsRecession(c, direction, sign, perfect))
                {
                    Report(c, direction, diagnostics);
                    return true;
                }
            }
        }

        return false;
    }

    private static bool AnyPerfectFit(CheckContext c)
    {
        FittedObservations fitted = c.Fitted!;
        for (int t = 0; t < fitted.Terms.Count; t++)
        {
            LikelihoodTermInfo term = fitted.Terms[t];
            if (term.Family == "CategoricalLogits")
            {
                return true; // no per-observation probability is reported: let the ray test decide
            }

            if (Array.IndexOf(CheckContext.BinaryFamilies, term.Family) < 0)
            {
                continue;
            }

            for (int i = fitted.Offsets[t]; i < fitted.Offsets[t + 1]; i++)
            {
                if (fitted.Deviance[i] < PerfectFitDeviance)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Null directions of the correlation-scaled information (two smallest eigenvalues), each axis and θ̂, over <paramref name="free"/>, as full-length vectors with largest component 1.</summary>
    private static IEnumerable<double[]> Candidates(CheckContext c, List<int> free)
    {
        int p = c.Theta.Length, r = free.Count;
        double[] information = new double[p * p];
        c.Cancellation.ThrowIfCancellationRequested();
        c.Model.ObservedInformation(c.Theta, information);
        if (c.Model.HasPrior)
        {
            c.Model.NegativeLogPriorHessian(c.Theta, information);
        }

        double[] scale = new double[r];
        for (int a = 0; a < r; a++)
        {
            double d = information[(free[a] * p) + free[a]];
            scale[a] = d > 0 && double.IsFinite(d) ? 1 / Math.Sqrt(d) : 1;
        }

        var candidates = new List<double[]>();
        Matrix<double> m = Matrix<double>.Build.Dense(r, r, (a, b) => information[(free[a] * p) + free[b]] * scale[a] * scale[b]);
        if (AllFinite(m))
        {
            Evd<double> evd = m.Evd(Symmetricity.Symmetric);
            var order = new List<int>();
            for (int k = 0; k < r; k++)
            {
                order.Add(k);
            }

            order.Sort((x, y) => evd.EigenValues[x].Real.CompareTo(evd.EigenValues[y].Real));
            for (int k = 0; k < Math.Min(2, r); k++)
            {
                double[] d = new double[p];
                for (int a = 0; a < r; a++)
                {
                    d[free[a]] = evd.EigenVectors[a, order[k]] * scale[a];
                }

                candidates.Add(d);
            }
        }

        foreach (int i in free)
        {
            double[] axis = new double[p];
            axis[i] = 1;
            candidates.Add(axis);
        }

        double[] estimate = new double[p];
        foreach (int i in free)
        {
            estimate[i] = c.Theta[i];
        }

        candidates.Add(estimate);
        foreach (double[] d in candidates)
        {
            double max = 0;
            foreach (double v in d)
            {
                max = Math.Max(max, Math.Abs(v));
            }

            if (max > 0 && double.IsFinite(max))
            {
                for (int i = 0; i < p; i++)
                {
                    d[i] /= max;
                }

                yield return d;
            }
        }
    }

    private static bool AllFinite(Matrix<double> m)
    {
        foreach (double v in m.Enumerate())
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when every observation of the binary terms is fitted perfectly (and there is one): complete separation already
    /// run to the end of double precision, where the objective can no longer fall measurably.
    /// </summary>
    private static bool AllPerfectlyFitted(CheckContext c)
    {
        FittedObservations fitted = c.Fitted!;
        bool any = false;
        for (int t = 0; t < fitted.Terms.Count; t++)
        {
            if (Array.IndexOf(CheckContext.BinaryFamilies, fitted.Terms[t].Family) < 0)
            {
                continue;
            }

            for (int i = fitted.Offsets[t]; i < fitted.Offsets[t + 1]; i++)
            {
                if (!(fitted.Deviance[i] < PerfectFitDeviance * 1e-4))
                {
                    return false;
                }

                any = true;
            }
        }

        return any;
    }

    /// <summary>
    /// True when the objective never rises along θ̂ + t·sign·d and has fallen by the last step (or, when every binary
    /// observation is already fitted perfectly, <paramref name="perfect"/>, has not risen).
    /// </summary>
    private static bool IsRecession(CheckContext c, double[] direction, double sign, bool perfect)
    {
        double size = 1;
        for (int i = 0; i < c.Theta.Length; i++)
        {
            if (direction[i] != 0)
            {
                size = Math.Max(size, 1 + Math.Abs(c.Theta[i]));
            }
        }

        double f0 = c.Objective;
        double tolerance = 1e-10 * (1 + Math.Abs(f0));
        double previous = f0;
        for (int k = 0; k <= RaySteps; k++)
        {
            double t = sign * size * Math.Pow(2, k);
            double f = c.ObjectiveWith(theta =>
            {
                for (int i = 0; i < theta.Length; i++)
                {
                    theta[i] += t * direction[i];
                }
            });
            if (!double.IsFinite(f) || f > previous + tolerance)
            {
                return false;
            }

            previous = f;
        }

        return previous < f0 - tolerance || perfect;
    }

    private static void Report(CheckContext c, double[] direction, List<FitDiagnostic> diagnostics)
    {
        var involved = new List<int>();
        for (int i = 0; i < direction.Length; i++)
        {
            if (Math.Abs(direction[i]) >= DirectionComponent)
            {
                involved.Add(i);
                c.Unusable.Add(i);
            }
        }

        string names = c.Names(involved);
        diagnostics.Add(new FitDiagnostic(FitDiagnosticIds.Separation, FitDiagnosticSeverity.Warning, CheckContext.Format(
            $"Separation: the classes are (quasi-)perfectly separated, so the likelihood keeps rising as {names} run off to ±∞ together and no maximum exists; the estimates are wherever the optimizer stopped and their Wald standard errors and intervals are not usable (reported as unavailable). Drop or merge the separating predictor, or add a prior (e.g. [NormalPrior(0, 2.5)] on the coefficients, a MAP fit, or Firth's penalty).")));
    }
}

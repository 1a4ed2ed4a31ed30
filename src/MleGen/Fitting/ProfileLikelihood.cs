using System;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.RootFinding;

namespace MleGen;

/// <summary>
/// Profile-likelihood intervals: {t : 2(F(t) − F̂) ≤ χ²₁(level)} with F the objective (NLL, plus the
/// negative log prior for MAP) minimized over every other free parameter while θⱼ = t. Each side is
/// bracketed by doubling steps from the estimate (the Wald standard error as the first step) and
/// solved with Brent's method; every inner fit is a safeguarded Newton run warm-started from the
/// previous one.
/// </summary>
internal static class ProfileLikelihood
{
    private const int MaxBracketSteps = 60;

    /// <summary>The inner fits' gradient tolerance: tight, so the profile value is accurate to far below the χ² threshold's resolution.</summary>
    private const double InnerGradientTolerance = 1e-11;

    public static (double Lower, double Upper) Interval(FitSession session, int index, double level)
    {
        FitProblem problem = session.Problem;
        if (problem.IsFixed[index])
        {
            throw new InvalidOperationException($"{problem.Infos[index].Name} is fixed: it has no profile interval.");
        }

        if (problem.Infos[index].IsSimplex)
        {
            throw new NotSupportedException($"{problem.Infos[index].Name}: profile intervals of simplex members are not supported.");
        }

        double threshold = ChiSquared.InvCDF(1, level);
        var profile = new Profile(session, index, threshold);
        double estimate = session.Outcome.Theta[index];
        CovarianceOutcome cov = CovarianceEstimator.Estimate(problem.Model, session.Outcome.Theta, problem.Infos, problem.IsFixed, CovarianceKind.Observed, session.Options.CancellationToken);
        double se = cov.Covariance is { } c && c[index, index] > 0 ? Math.Sqrt(c[index, index]) : 0.1 * Math.Max(1, Math.Abs(estimate));
        double lower = Side(profile, estimate, -se, problem.Infos[index].Lower);
        double upper = Side(profile, estimate, se, problem.Infos[index].Upper);
        session.Options.CancellationToken.ThrowIfCancellationRequested();
        return (lower, upper);
    }

    private static double Side(Profile profile, double estimate, double step, double bound)
    {
        profile.ResetWarmStart();
        double previous = estimate;
        for (int k = 0; k < MaxBracketSteps; k++)
        {
            double t = estimate + step;
            bool limited = false;
            if (double.IsFinite(bound) && (step < 0 ? t <= bound : t >= bound))
            {
                t = previous + (0.5 * (bound - previous));
                limited = true;
            }

            double ft = profile.Deviance(t);
            if (ft >= 0)
            {
                double lo = Math.Min(previous, t), hi = Math.Max(previous, t);
                double accuracy = 1e-9 * Math.Abs(step);
                return Brent.TryFindRoot(profile.Deviance, lo, hi, accuracy, 200, out double root) ? root : 0.5 * (lo + hi);
            }

            previous = t;
            if (!limited)
            {
                step *= 2;
            }
            else if (Math.Abs(bound - t) <= 1e-12 * Math.Max(1, Math.Abs(bound)))
            {
                return bound;
            }
        }

        return double.IsFinite(bound) ? bound : (step < 0 ? double.NegativeInfinity : double.PositiveInfinity);
    }

    /// <summary>t ↦ 2(F(t) − F̂) − χ²₁(level), with warm starts between calls.</summary>
    private sealed class Profile
    {
        private readonly FitSession _session;
        private readonly int _index;
        private readonly double _threshold;
        private readonly OptimizerSettings _settings;
        private double[] _warm;

        public Profile(FitSession session, int index, double threshold)
        {
            _session = session;
            _index = index;
            _threshold = threshold;
            FitOptions o = session.Options;
            _settings = new OptimizerSettings(Math.Min(o.GradientTolerance, InnerGradientTolerance), 1e-15, o.MaxIterations, null, o.CancellationToken);
            _warm = (double[])session.Outcome.Theta.Clone();
        }

        public void ResetWarmStart() => _warm = (double[])_session.Outcome.Theta.Clone();

        public double Deviance(double t)
        {
            FitProblem restricted = _session.Problem.WithFixed(_index, t, _warm);
            FitMethod method = _session.Outcome.Method == FitMethod.OwlQn ? FitMethod.OwlQn : FitMethod.Newton;
            OptimizationOutcome outcome = FitEngine.Optimize(restricted, method, _settings);
            if (double.IsFinite(outcome.Objective))
            {
                _warm = outcome.Theta;
            }

            double deviance = 2 * (outcome.Objective - _session.Outcome.Objective);
            return double.IsFinite(deviance) ? deviance - _threshold : double.MaxValue;
        }
    }
}

using System;
using System.Collections.Generic;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.RootFinding;

namespace MleGen;

/// <summary>
/// Profile-likelihood intervals: {t : 2(F(t) − F̂) ≤ χ²₁(level)} with F the objective (NLL, plus the
/// negative log prior for MAP) minimized over every other free parameter while θⱼ = t. Each side is
/// bracketed by doubling steps from the estimate (the Wald standard error as the first step) and
/// solved with Brent's method; every inner fit is a safeguarded Newton run warm-started from the
/// previous one. A simplex member is held at t with the other members rescaled proportionally to
/// 1 − t and re-optimized on that smaller simplex, its range [0, 1]. On a side with a finite bound the
/// profile is first evaluated at the bound itself: below the threshold there (an estimate on or near
/// its bound, a weight that may be 0), the interval ends at the bound; above it, the bound closes the
/// bracket.
/// </summary>
internal static class ProfileLikelihood
{
    private const int MaxBracketSteps = 60;

    /// <summary>The inner fits' gradient tolerance: tight, so the profile value is accurate to far below the χ² threshold's resolution.</summary>
    private const double InnerGradientTolerance = 1e-11;

    /// <summary>How far past a finite interval end the curve's points reach, as a share of that half-interval.</summary>
    private const double CurveOvershoot = 0.25;

    /// <summary>How far a curve reaches on a side whose interval end is infinite, in standard errors.</summary>
    private const double OpenSideReach = 4;

    public static (double Lower, double Upper) Interval(FitSession session, int index, double level) =>
        Interval(session, ForParameter(session, index), level);

    /// <summary>The profile-likelihood interval of <c>[Derived]</c> quantity <paramref name="index"/>: {t : 2(min F | g(θ) = t − F̂) ≤ χ²₁(level)}.</summary>
    public static (double Lower, double Upper) DerivedInterval(FitSession session, IDerivedQuantities quantities, int index, double level) =>
        Interval(session, ForDerived(session, quantities, index), level);

    /// <summary>The profile curve of <c>[Derived]</c> quantity <paramref name="index"/> (see <see cref="Curve(FitSession, int, double, int)"/>).</summary>
    public static ParameterProfile DerivedCurve(FitSession session, IDerivedQuantities quantities, int index, double level, int points) =>
        Curve(session, ForDerived(session, quantities, index), level, points);

    private static (double Lower, double Upper) Interval(FitSession session, Target target, double level)
    {
        IDeviance profile = target.Create(ChiSquared.InvCDF(1, level));
        (double Lower, double Upper) interval = (Side(profile, target.Estimate, -target.Step, target.Lower), Side(profile, target.Estimate, target.Step, target.Upper));
        session.Options.CancellationToken.ThrowIfCancellationRequested();
        return interval;
    }

    /// <summary>A parameter's range: its bounds, or [0, 1] for a simplex member.</summary>
    private static (double Lower, double Upper) Bounds(ParameterInfo info) => info.IsSimplex ? (0, 1) : (info.Lower, info.Upper);

    /// <summary>
    /// The interval at <paramref name="level"/> and the statistic at about <paramref name="points"/>
    /// values spread evenly from a little below the lower end to a little above the upper one (within
    /// the parameter's bounds), each side walked outward from the estimate with warm starts.
    /// </summary>
    public static ParameterProfile Curve(FitSession session, int index, double level, int points) =>
        Curve(session, ForParameter(session, index), level, points);

    private static ParameterProfile Curve(FitSession session, Target target, double level, int points)
    {
        (double lower, double upper) = Interval(session, target, level);
        double step = target.Step;
        double estimate = target.Estimate;
        (double lowerBound, double upperBound) = (target.Lower, target.Upper);
        IDeviance curve = target.Create(0);
        var result = new List<ProfilePoint> { new(estimate, 0) };
        int perSide = Math.Max(2, (points - 1) / 2);
        foreach ((double end, double bound, double sign) in new[] { (lower, lowerBound, -1.0), (upper, upperBound, 1.0) })
        {
            double reach = double.IsFinite(end) ? end + (CurveOvershoot * (end - estimate)) : estimate + (sign * OpenSideReach * step);
            if (double.IsFinite(bound) && (sign < 0 ? reach <= bound : reach >= bound))
            {
                // Stop short of the bound (a scale at 0 has no likelihood): halfway from the interval's end, or close to the bound when the end is the bound.
                reach = end == bound ? bound + ((estimate - bound) * 1e-3) : end + (0.5 * (bound - end));
            }

            bool withEnd = double.IsFinite(end) && end != bound;
            var values = new List<double>(perSide + 1);
            for (int k = 1; k <= perSide; k++)
            {
                double t = estimate + ((reach - estimate) * k / perSide);
                // A grid value on the interval's end (it can fall there) would repeat the end itself.
                if (!withEnd || Math.Abs(t - end) > 1e-9 * Math.Abs(end - estimate))
                {
                    values.Add(t);
                }
            }

            if (withEnd)
            {
                values.Add(end);
            }

            values.Sort((a, b) => Math.Abs(a - estimate).CompareTo(Math.Abs(b - estimate)));
            curve.ResetWarmStart();
            foreach (double t in values)
            {
                double statistic;
                try
                {
                    statistic = curve.Deviance(t, atBound: false);
                }
                catch (ProfileFitException)
                {
                    // A point the inner fit could not reach is left off the curve (the interval's ends are checked above).
                    continue;
                }

                if (statistic < double.MaxValue)
                {
                    result.Add(new ProfilePoint(t, Math.Max(0, statistic)));
                }
            }
        }

        result.Sort((a, b) => a.Value.CompareTo(b.Value));
        session.Options.CancellationToken.ThrowIfCancellationRequested();
        return new ParameterProfile(target.Name, estimate, level, ChiSquared.InvCDF(1, level), lower, upper, [.. result]);
    }

    /// <summary>What a profile walks: its name, estimate, first bracketing step, range and the deviance at a value (given the threshold subtracted).</summary>
    private sealed record Target(string Name, double Estimate, double Step, double Lower, double Upper, Func<double, IDeviance> Create);

    /// <summary>t ↦ 2(F(t) − F̂) − threshold, with warm starts between calls.</summary>
    private interface IDeviance
    {
        /// <summary>
        /// The deviance at <paramref name="t"/> less the threshold; <see cref="double.MaxValue"/> where the likelihood is 0
        /// (or, for a derived quantity, where it cannot reach t). Throws when the inner fit at an interior t stops short of
        /// its minimum (<paramref name="atBound"/>: t is the range's end, where that is expected).
        /// </summary>
        double Deviance(double t, bool atBound);

        void ResetWarmStart();
    }

    private static Target ForParameter(FitSession session, int index)
    {
        double step = StepScale(session, index);
        ParameterInfo info = session.Problem.Infos[index];
        (double lower, double upper) = Bounds(info);
        return new Target(info.Name, session.Outcome.Theta[index], step, lower, upper, threshold => new Profile(session, index, threshold));
    }

    /// <summary>
    /// A derived quantity g: its estimate g(θ̂), its delta-method standard error (observed information) as the first step
    /// (a tenth of its scale without one), and no range of its own (an infeasible value is above every threshold).
    /// </summary>
    private static Target ForDerived(FitSession session, IDerivedQuantities quantities, int index)
    {
        FitProblem problem = session.Problem;
        double[] theta = session.Outcome.Theta;
        int p = theta.Length;
        var gradient = new double[p];
        double estimate = quantities.EvaluateDerived(index, theta, gradient);
        if (!double.IsFinite(estimate))
        {
            throw new InvalidOperationException($"{quantities.GetDerivedName(index)} is {estimate} at the estimate: it has no profile interval.");
        }

        CovarianceOutcome cov = CovarianceEstimator.Estimate(problem.Model, theta, problem.Infos, problem.IsFixed, CovarianceKind.Observed, session.Options.CancellationToken);
        double variance = 0;
        if (cov.Covariance is { } c)
        {
            for (int i = 0; i < p; i++)
            {
                for (int j = 0; j < p; j++)
                {
                    variance += gradient[i] * c[i, j] * gradient[j];
                }
            }
        }

        double step = variance > 0 && double.IsFinite(variance) ? Math.Sqrt(variance) : 0.1 * Math.Max(1, Math.Abs(estimate));
        return new Target(quantities.GetDerivedName(index), estimate, step, double.NegativeInfinity, double.PositiveInfinity,
            threshold => new DerivedProfile(session, quantities, index, threshold, step));
    }

    /// <summary>The first bracketing step: the Wald standard error, or a tenth of the estimate's scale when there is none.</summary>
    private static double StepScale(FitSession session, int index)
    {
        FitProblem problem = session.Problem;
        ParameterInfo info = problem.Infos[index];
        if (problem.IsFixed[index])
        {
            throw new InvalidOperationException($"{info.Name} is fixed: it has no profile interval.");
        }

        double estimate = session.Outcome.Theta[index];
        CovarianceOutcome cov = CovarianceEstimator.Estimate(problem.Model, session.Outcome.Theta, problem.Infos, problem.IsFixed, CovarianceKind.Observed, session.Options.CancellationToken);
        return cov.Covariance is { } c && c[index, index] > 0 ? Math.Sqrt(c[index, index]) : 0.1 * Math.Max(1, Math.Abs(estimate));
    }

    private static double Side(IDeviance profile, double estimate, double step, double bound)
    {
        profile.ResetWarmStart();
        bool bounded = double.IsFinite(bound);
        if (bounded && profile.Deviance(bound, atBound: true) < 0)
        {
            // Inside the interval even at the bound: the interval ends there.
            return bound;
        }

        profile.ResetWarmStart();
        double previous = estimate;
        for (int k = 0; k < MaxBracketSteps; k++)
        {
            double t = estimate + step;
            if (bounded && (step < 0 ? t <= bound : t >= bound))
            {
                // The bound's deviance is above the threshold: [previous, bound] brackets the crossing.
                t = bound;
            }

            double ft = t == bound ? 0 : profile.Deviance(t, atBound: false);
            if (t == bound || ft >= 0)
            {
                double lo = Math.Min(previous, t), hi = Math.Max(previous, t);
                double accuracy = 1e-9 * Math.Abs(step);
                return Brent.TryFindRoot(x => profile.Deviance(x, atBound: x == bound), lo, hi, accuracy, 200, out double root) ? root : 0.5 * (lo + hi);
            }

            previous = t;
            step *= 2;
        }

        return step < 0 ? double.NegativeInfinity : double.PositiveInfinity;
    }

    /// <summary>t ↦ 2(F(t) − F̂) − χ²₁(level), with warm starts between calls.</summary>
    private sealed class Profile : IDeviance
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

        public double Deviance(double t, bool atBound)
        {
            FitMethod method = _session.Outcome.Method == FitMethod.OwlQn ? FitMethod.OwlQn : FitMethod.Newton;
            OptimizationOutcome outcome = FitEngine.Optimize(_session.Problem.WithFixed(_index, t, _warm), method, _settings, nearOptimum: true);
            if (!outcome.Result.Converged && !atBound && !_session.Problem.Model.HasKinks)
            {
                // The warm start (the previous t's optimum) can sit where this t's fit stalls: start again from the estimate.
                OptimizationOutcome cold = FitEngine.Optimize(_session.Problem.WithFixed(_index, t, _session.Outcome.Theta), method, _settings, nearOptimum: true);
                if (cold.Result.Converged || !(outcome.Objective <= cold.Objective))
                {
                    outcome = cold;
                }

                if (!outcome.Result.Converged && double.IsFinite(outcome.Objective))
                {
                    // Its objective is only an upper bound of the profile: a deviance above the threshold would end the interval too early.
                    throw ProfileFitException.At(_session.Problem.Infos[_index].Name, t, outcome.Result);
                }
            }

            if (double.IsFinite(outcome.Objective))
            {
                _warm = outcome.Theta;
            }

            double deviance = 2 * (outcome.Objective - _session.Outcome.Objective);
            return double.IsFinite(deviance) ? deviance - _threshold : double.MaxValue;
        }
    }

    /// <summary>
    /// t ↦ 2(min F | g(θ) = t − F̂) − threshold for a derived quantity g, by the augmented Lagrangian: minimize
    /// F + λc + (μ/2)c² (c = g − t) with safeguarded Newton, update λ ← λ + μc, and raise μ tenfold when |c| did not
    /// shrink fourfold, until |c| ≤ 1e-10·SE(g) (F then is the constrained minimum to ≈ λ·c, far below the threshold's
    /// resolution). A value g cannot reach (its violation does not shrink within the rounds, or F is not finite there)
    /// counts as above the threshold; a value it reaches with a fit that stopped short is an error
    /// (<see cref="ProfileFitException"/>), as for a parameter.
    /// </summary>
    private sealed class DerivedProfile : IDeviance
    {
        private const int MaxRounds = 40;

        private readonly FitSession _session;
        private readonly DerivedConstraintModel _constrained;
        private readonly string _name;
        private readonly double _threshold;
        private readonly double _scale;
        private readonly OptimizerSettings _settings;
        private double[] _warm;
        private double _multiplier;

        public DerivedProfile(FitSession session, IDerivedQuantities quantities, int index, double threshold, double scale)
        {
            _session = session;
            _constrained = new DerivedConstraintModel(session.Problem.Model, quantities, index);
            _name = quantities.GetDerivedName(index);
            _threshold = threshold;
            _scale = scale;
            FitOptions o = session.Options;
            _settings = new OptimizerSettings(Math.Min(o.GradientTolerance, InnerGradientTolerance), 1e-15, o.MaxIterations, null, o.CancellationToken);
            _warm = (double[])session.Outcome.Theta.Clone();
        }

        public void ResetWarmStart()
        {
            _warm = (double[])_session.Outcome.Theta.Clone();
            _multiplier = 0;
        }

        public double Deviance(double t, bool atBound)
        {
            FitProblem problem = _session.Problem;
            FitMethod method = _session.Outcome.Method == FitMethod.OwlQn ? FitMethod.OwlQn : FitMethod.Newton;

            // μ = 100/SE(g)²: the penalty is a hundred times the likelihood's own curvature along g, so each round
            // shrinks the violation about a hundredfold while Newton's systems stay well conditioned.
            _constrained.Target = t;
            _constrained.Multiplier = _multiplier;
            _constrained.Penalty = 100 / (_scale * _scale);
            double tolerance = (1e-10 * _scale) + (1e-14 * Math.Abs(t));
            double[] theta = _warm;
            double previous = double.PositiveInfinity;
            for (int round = 0; round < MaxRounds; round++)
            {
                OptimizationOutcome outcome = FitEngine.Optimize(problem.WithModel(_constrained, theta), method, _settings, nearOptimum: true);
                if (!double.IsFinite(outcome.Objective))
                {
                    return double.MaxValue;
                }

                theta = outcome.Theta;
                double c = _constrained.Violation(theta);
                if (!double.IsFinite(c))
                {
                    return double.MaxValue;
                }

                if (Math.Abs(c) <= tolerance && !outcome.Result.Converged && !problem.Model.HasKinks)
                {
                    // g is at t, but the fit of F + λc + (μ/2)c² stopped short: F there is only an upper bound of the
                    // profile, and a deviance above the threshold would end the interval too early. Give it one more run
                    // from where it stopped (λ, μ as they are); if that stops short too, say so.
                    OptimizationOutcome again = FitEngine.Optimize(problem.WithModel(_constrained, theta), method, _settings, nearOptimum: true);
                    double cAgain = double.IsFinite(again.Objective) ? _constrained.Violation(again.Theta) : double.NaN;
                    if (!again.Result.Converged || !(Math.Abs(cAgain) <= tolerance))
                    {
                        throw ProfileFitException.At(_name, t, again.Result);
                    }

                    theta = again.Theta;
                }

                if (Math.Abs(c) <= tolerance)
                {
                    _warm = theta;
                    _multiplier = _constrained.Multiplier;
                    double deviance = 2 * (FitEngine.ObjectiveAt(problem.Model, theta, problem.KinkSmoothing) - _session.Outcome.Objective);
                    return double.IsFinite(deviance) ? deviance - _threshold : double.MaxValue;
                }

                _constrained.Multiplier += _constrained.Penalty * c;
                if (Math.Abs(c) > 0.25 * previous)
                {
                    _constrained.Penalty *= 10;
                }

                previous = Math.Abs(c);
            }

            return double.MaxValue;
        }
    }
}

/// <summary>
/// A profile value that could not be computed: the fit of the other parameters with the profiled one held at t stopped
/// short of its minimum, so its deviance is only an upper bound and an interval end computed from it could be too short.
/// </summary>
internal sealed class ProfileFitException(string message) : InvalidOperationException(message)
{
    public static ProfileFitException At(string name, double t, OptimizationResult result) => new(
        $"The profile of {name} could not be computed at {t:G6}: with {name} held there, the fit of the other parameters stopped "
        + $"({result.Reason}; gradient norm {result.GradientNorm:G3} after {result.Iterations} iterations), also when started again from the estimate. "
        + "An interval from it could be too short; raise FitOptions.MaxIterations, or use the Wald interval.");
}

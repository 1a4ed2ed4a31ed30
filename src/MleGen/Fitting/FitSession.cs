using System;
using MathNet.Numerics;

namespace MleGen;

/// <summary>
/// One completed fit as the fitting layer knows it (problem, options, optimizer outcome). It builds
/// <see cref="FitResult"/>s and serves what they forward: other covariances and profile intervals.
/// </summary>
internal sealed class FitSession : IFitSource
{
    public FitSession(FitProblem problem, FitOptions options, OptimizationOutcome outcome)
    {
        Problem = problem;
        Options = options;
        Outcome = outcome;
    }

    public FitProblem Problem { get; }

    public FitOptions Options { get; }

    public OptimizationOutcome Outcome { get; }

    /// <inheritdoc/>
    public FitResult WithCovariance(FitResult fit, CovarianceKind kind)
    {
        if (kind == CovarianceKind.Expected && !Problem.Model.HasExpectedInformation)
        {
            throw new InvalidOperationException(
                "CovarianceKind.Expected needs the expected (Fisher) information, and this model has none in closed form (IMleModel.HasExpectedInformation is false, e.g. a NormalMixture term): use CovarianceKind.Observed or Sandwich.");
        }

        return Build(kind, fit.ConfidenceLevel);
    }

    /// <inheritdoc/>
    public FitResult WithConfidenceLevel(FitResult fit, double level) => Build(fit.CovarianceKind, level);

    /// <inheritdoc/>
    public ParameterProfile Profile(FitResult fit, string name, double level, int points) =>
        ProfileLikelihood.Curve(this, fit.IndexOf(name), level, points);

    /// <inheritdoc/>
    public (double Lower, double Upper) ProfileInterval(FitResult fit, string name, double level) =>
        ProfileLikelihood.Interval(this, fit.IndexOf(name), level);

    /// <summary>The result with standard errors from <paramref name="kind"/> and Wald intervals at <paramref name="level"/>.</summary>
    public FitResult Build(CovarianceKind kind, double level)
    {
        double z = ConfidenceLevels.NormalQuantile(level);
        IMleModel model = Problem.Model;
        double[] theta = Outcome.Theta;
        int p = theta.Length;
        CovarianceOutcome covariance = CovarianceEstimator.Estimate(model, theta, Problem.Infos, Problem.IsFixed, kind);
        var parameters = new ParameterEstimate[p];
        for (int i = 0; i < p; i++)
        {
            parameters[i] = Estimate(Problem.Infos[i].Name, theta[i], Problem.IsFixed[i], covariance.Covariance?[i, i] ?? double.NaN, z);
        }

        double nll = model.NegativeLogLikelihood(theta);
        bool isMap = model.HasPrior || Outcome.Method == FitMethod.OwlQn;
        return new FitResult(
            this,
            Outcome.Method,
            Outcome.MethodReason,
            Outcome.Result.Converged,
            Outcome.ThroughKinks ? "kinked likelihood, smoothing continuation; last stage: " + Outcome.Result.Reason : Outcome.Result.Reason,
            Outcome.Result.Iterations,
            Outcome.Result.GradientNorm,
            Outcome.Result.KktResidual,
            -nll,
            isMap ? -FitEngine.ObjectiveAt(model, theta) : null,
            model.ObservationCount,
            Problem.FreeCount,
            parameters,
            theta,
            covariance.Covariance,
            kind,
            level,
            FitDiagnosticsBuilder.Build(Problem, Outcome, covariance, kind));
    }

    private static ParameterEstimate Estimate(string name, double estimate, bool isFixed, double variance, double quantile)
    {
        if (isFixed || !(variance > 0) || !double.IsFinite(variance))
        {
            return new ParameterEstimate(name, estimate, null, null, null, null, null, isFixed);
        }

        double se = Math.Sqrt(variance);
        double z = estimate / se;
        double pValue = SpecialFunctions.Erfc(Math.Abs(z) / Constants.Sqrt2);
        return new ParameterEstimate(name, estimate, se, z, pValue, estimate - (quantile * se), estimate + (quantile * se), false);
    }
}

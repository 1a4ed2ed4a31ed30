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
    public FitResult WithCovariance(FitResult fit, CovarianceKind kind) => Joint(() => Build(kind, fit.ConfidenceLevel));

    /// <inheritdoc/>
    public FitResult WithConfidenceLevel(FitResult fit, double level) => Joint(() => Build(fit.CovarianceKind, level));

    /// <inheritdoc/>
    public ParameterProfile Profile(FitResult fit, string name, double level, int points)
    {
        int index = fit.IndexOf(name);
        return Joint(() => ProfileLikelihood.Curve(this, index, level, points));
    }

    /// <inheritdoc/>
    public (double Lower, double Upper) ProfileInterval(FitResult fit, string name, double level)
    {
        int index = fit.IndexOf(name);
        return Joint(() => ProfileLikelihood.Interval(this, index, level));
    }

    /// <summary>Runs <paramref name="operation"/> as one joint operation of every rank in a cluster fit (a failure on one rank fails them all); directly otherwise.</summary>
    private T Joint<T>(Func<T> operation) => Options.Cluster is { } cluster ? cluster.Run(operation) : operation();

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
            Outcome.Result.Converged,
            Outcome.ThroughKinks ? "kinked likelihood, smoothing continuation; last stage: " + Outcome.Result.Reason : Outcome.Result.Reason,
            Outcome.Result.Iterations,
            Outcome.Result.GradientNorm,
            -nll,
            isMap ? -FitEngine.ObjectiveAt(model, theta) : null,
            model is ClusteredModel clustered ? clustered.TotalObservationCount : model.ObservationCount,
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

using System;

namespace MleGen;

/// <summary>Fits an <see cref="IMleModel"/> by maximum likelihood (or MAP when it has priors) and reports the inference.</summary>
public static class ModelFitter
{
    /// <summary>
    /// Minimizes NLL + negative log prior over the free parameters (unconstrained coordinates for
    /// bounded and simplex parameters), writes the estimates into the model's parameter members and
    /// returns the result with standard errors from <see cref="FitOptions.Covariance"/>. Never throws
    /// for non-convergence: <see cref="FitResult.Converged"/> and the diagnostics say so.
    /// </summary>
    /// <param name="model">The model (usually generated code).</param>
    /// <param name="options">Method, tolerances, start values, fixed parameters, progress and cancellation; null for the defaults.</param>
    /// <exception cref="OperationCanceledException">The options' token was cancelled (checked before every evaluation of the model, in every stage).</exception>
    /// <exception cref="ModelDataException">The data are invalid (checked again at every fit: changes made in place since the last evaluation count).</exception>
    /// <exception cref="ArgumentException">The options are invalid, the log-likelihood is not finite at the start values (the message names the observation), or Fisher scoring or expected-information standard errors were asked of a model without an expected information (<see cref="IMleModel.HasExpectedInformation"/> false).</exception>
    /// <exception cref="InvalidOperationException">Another thread is using the model (see <see cref="ExclusiveUse"/>).</exception>
    /// <remarks>
    /// The start is <see cref="FitOptions.Start"/> when given, else the parameter members' current values: a
    /// second fit of the same instance starts from the first one's estimates (and reports 0 iterations when they
    /// pass the convergence tests); <see cref="FitResult.StartValues"/> holds each fit's start.
    /// </remarks>
    public static FitResult Fit(IMleModel model, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        using ExclusiveUse.Scope use = ExclusiveUse.Enter(model);
        options ??= new FitOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxIterations, nameof(FitOptions.MaxIterations));
        ArgumentOutOfRangeException.ThrowIfNegative(options.GradientTolerance, nameof(FitOptions.GradientTolerance));
        ArgumentOutOfRangeException.ThrowIfNegative(options.FunctionTolerance, nameof(FitOptions.FunctionTolerance));
        ConfidenceLevels.Check(options.ConfidenceLevel, nameof(FitOptions.ConfidenceLevel));
        if (options.Threads is int threads)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(threads, nameof(FitOptions.Threads));
            model.EvaluationThreads = threads;
        }

        RequireExpectedInformation(model, options.Method == FitMethod.FisherScoring, nameof(FitMethod) + "." + nameof(FitMethod.FisherScoring));
        RequireExpectedInformation(model, options.Covariance == CovarianceKind.Expected, nameof(CovarianceKind) + "." + nameof(CovarianceKind.Expected));

        if (options.Cluster is { } cluster)
        {
            // Every rank fits its shard through the combined model (which validates every rank's shard as it is
            // now); a failure anywhere fails every rank alike.
            FitOptions agreed = options.WithoutCancellation();
            return cluster.Run(() => FitCore(new ClusteredModel(model, cluster, options.CancellationToken), agreed));
        }

        // The data as they are now: arrays refilled or changed in place since the last evaluation (a bootstrap
        // loop) are checked again and their data-only sums recomputed; O(n), small beside a fit.
        options.CancellationToken.ThrowIfCancellationRequested();
        model.ValidateData();
        return FitCore(model, options);
    }

    private static FitResult FitCore(IMleModel model, FitOptions options)
    {
        FitProblem problem = FitProblem.Create(model, options);
        options.CancellationToken.ThrowIfCancellationRequested();
        StartCheck.RequireFinite(problem);
        var settings = new OptimizerSettings(options.GradientTolerance, options.FunctionTolerance, options.MaxIterations, options.Progress, options.CancellationToken);
        OptimizationOutcome outcome = FitEngine.Optimize(problem, options.Method, settings);
        model.WriteParameters(outcome.Theta);
        return new FitSession(problem, options, outcome).Build(options.Covariance, options.ConfidenceLevel);
    }

    /// <summary>Throws when <paramref name="asked"/> needs the expected information and the model has none (it would silently be the observed one).</summary>
    private static void RequireExpectedInformation(IMleModel model, bool asked, string what)
    {
        if (asked && !model.HasExpectedInformation)
        {
            throw new ArgumentException(
                $"{what} needs the expected (Fisher) information, and this model has none (IMleModel.HasExpectedInformation is false): use FitMethod.Newton or Auto, and CovarianceKind.Observed or Sandwich.",
                "options");
        }
    }
}

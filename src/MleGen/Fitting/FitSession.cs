using System;
using System.Collections.Generic;
using MathNet.Numerics;

namespace MleGen;

/// <summary>
/// One completed fit as the fitting layer knows it (problem, options, optimizer outcome). It builds
/// <see cref="FitResult"/>s and serves what they forward: other covariances and profile intervals.
/// </summary>
internal sealed class FitSession : IFitSource
{
    private ModelDescription? _description;

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
                "CovarianceKind.Expected needs the expected (Fisher) information, and this model has none (IMleModel.HasExpectedInformation is false): use CovarianceKind.Observed or Sandwich.");
        }

        return Joint(() => Build(kind, fit.ConfidenceLevel));
    }

    /// <inheritdoc/>
    public FitResult WithConfidenceLevel(FitResult fit, double level) => Joint(() => Build(fit.CovarianceKind, level));

    /// <inheritdoc/>
    public ParameterProfile Profile(FitResult fit, string name, double level, int points)
    {
        if (!fit.HasParameter(name) && DerivedIndex(name) is int k)
        {
            return Joint(() => ProfileLikelihood.DerivedCurve(this, (IDerivedQuantities)Problem.Model, k, level, points));
        }

        int index = fit.IndexOf(name);
        return Joint(() => ProfileLikelihood.Curve(this, index, level, points));
    }

    /// <inheritdoc/>
    public (double Lower, double Upper) ProfileInterval(FitResult fit, string name, double level)
    {
        if (!fit.HasParameter(name) && DerivedIndex(name) is int k)
        {
            // Kept: every summary of this fit (and of its other covariances) prints them, and each costs a few dozen re-fits.
            if (!_derivedProfiles.TryGetValue((k, level), out var interval))
            {
                interval = Joint(() => ProfileLikelihood.DerivedInterval(this, (IDerivedQuantities)Problem.Model, k, level));
                _derivedProfiles[(k, level)] = interval;
            }

            return interval;
        }

        int index = fit.IndexOf(name);
        return Joint(() => ProfileLikelihood.Interval(this, index, level));
    }

    /// <summary>The index of the <c>[Derived]</c> quantity named <paramref name="name"/>, or null.</summary>
    private int? DerivedIndex(string name)
    {
        if (Problem.Model is IDerivedQuantities quantities)
        {
            for (int k = 0; k < quantities.DerivedCount; k++)
            {
                if (string.Equals(quantities.GetDerivedName(k), name, StringComparison.Ordinal))
                {
                    return k;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Runs <paramref name="operation"/> holding the model like a fit (covariances and profiles evaluate it
    /// again, profiles re-fit and smooth it; see <see cref="ExclusiveUse"/>), as one joint operation of every
    /// rank in a cluster fit (a failure on one rank, a refused hold included, fails them all).
    /// </summary>
    private T Joint<T>(Func<T> operation)
    {
        return Options.Cluster is { } cluster ? cluster.Run(Held) : Held();

        T Held()
        {
            using ExclusiveUse.Scope use = ExclusiveUse.Enter(Problem.Model);
            return operation();
        }
    }

    /// <summary>The result with standard errors from <paramref name="kind"/> and Wald intervals at <paramref name="level"/>.</summary>
    public FitResult Build(CovarianceKind kind, double level)
    {
        double z = ConfidenceLevels.NormalQuantile(level);
        IMleModel model = Problem.Model;
        double[] theta = Outcome.Theta;
        int p = theta.Length;
        Options.CancellationToken.ThrowIfCancellationRequested();
        double nll = model.NegativeLogLikelihood(theta);

        // Standard errors describe the curvature at a maximum; at a point where the objective is not finite
        // there is none to describe (the information there is NaN or meaningless): report no covariance.
        bool finite = double.IsFinite(nll) && double.IsFinite(Outcome.Objective);
        CovarianceOutcome covariance = finite
            ? CovarianceEstimator.Estimate(model, theta, Problem.Infos, Problem.IsFixed, kind, Options.CancellationToken)
            : new CovarianceOutcome(null, []);
        FittedObservations? fitted = finite ? Fitted() : null;
        (List<FitDiagnostic> diagnostics, int[] unusable) = Diagnostics(kind, covariance, finite, fitted);
        var parameters = new ParameterEstimate[p];
        for (int i = 0; i < p; i++)
        {
            // A parameter a check found at a bound or running off with a separation has no usable Wald inference.
            double variance = Array.IndexOf(unusable, i) >= 0 ? double.NaN : covariance.Covariance?[i, i] ?? double.NaN;
            parameters[i] = Estimate(Problem.Infos[i].Name, theta[i], Problem.IsFixed[i], variance, z);
        }

        var derived = DerivedEstimates(model, theta, covariance.Covariance, z);
        bool isMap = model.HasPrior || Outcome.Method == FitMethod.OwlQn;
        Options.CancellationToken.ThrowIfCancellationRequested();
        return new FitResult(
            this,
            Outcome.Method,
            Outcome.MethodReason,
            Outcome.Result.Converged && finite,
            Reason(finite),
            Outcome.Result.Iterations,
            Outcome.Result.GradientNorm,
            Outcome.Result.KktResidual,
            -nll,
            isMap ? -FitEngine.ObjectiveAt(model, theta) : null,
            model is ClusteredModel clustered ? clustered.TotalObservationCount : model.ObservationCount,
            Problem.FreeCount,
            parameters,
            theta,
            (double[])Problem.Start.Clone(),
            covariance.Covariance,
            kind,
            level,
            diagnostics,
            fitted,
            _fittedUnavailable ?? "the log-likelihood is not finite at the estimate.")
        {
            DerivedInOrder = derived,
            Model = Description,
            Glm = finite && Description?.Glm is { } glm ? GlmStatistics.Compute(glm, -nll, theta, Problem.Infos, Problem.IsFixed) : null,
        };
    }

    private readonly Dictionary<CovarianceKind, (List<FitDiagnostic>, int[])> _diagnostics = [];
    private readonly Dictionary<(int Index, double Level), (double Lower, double Upper)> _derivedProfiles = [];
    private FittedObservations? _fitted;
    private string? _fittedUnavailable;
    private bool _fittedDone;

    /// <summary>The checks at <paramref name="kind"/>, once per kind (a new confidence level re-uses them).</summary>
    private (List<FitDiagnostic> Diagnostics, int[] Unusable) Diagnostics(CovarianceKind kind, CovarianceOutcome covariance, bool finite, FittedObservations? fitted)
    {
        if (!_diagnostics.TryGetValue(kind, out var result))
        {
            result = FitDiagnosticsBuilder.Build(Problem, Outcome, covariance, kind, finite, fitted, Options.CancellationToken);
            _diagnostics[kind] = result;
        }

        return result;
    }

    /// <summary>Each [Derived] quantity g(θ̂) with the delta-method variance ∇gᵀ Σ ∇g (no standard error without Σ).</summary>
    private static ParameterEstimate[] DerivedEstimates(IMleModel model, double[] theta, double[,]? covariance, double quantile)
    {
        if (model is not IDerivedQuantities quantities || quantities.DerivedCount == 0)
        {
            return [];
        }

        int p = theta.Length;
        var gradient = new double[p];
        var result = new ParameterEstimate[quantities.DerivedCount];
        for (int k = 0; k < result.Length; k++)
        {
            double value = quantities.EvaluateDerived(k, theta, gradient);
            double variance = double.NaN;
            if (covariance is not null)
            {
                variance = 0;
                for (int i = 0; i < p; i++)
                {
                    for (int j = 0; j < p; j++)
                    {
                        variance += gradient[i] * covariance[i, j] * gradient[j];
                    }
                }
            }

            result[k] = Estimate(quantities.GetDerivedName(k), value, isFixed: false, variance, quantile);
        }

        return result;
    }

    /// <summary>The fitted observations at the estimate, evaluated once; null (with the reason kept) when the model cannot report them.</summary>
    private FittedObservations? Fitted()
    {
        if (_fittedDone)
        {
            return _fitted;
        }

        _fittedDone = true;
        IMleModel model = Problem.Model;
        if (model is ClusteredModel)
        {
            _fittedUnavailable = "a cluster fit: each rank holds only its shard of the observations.";
            return null;
        }

        if (model.LikelihoodTermCount == 0)
        {
            _fittedUnavailable = "the model does not report its likelihood terms (IMleModel.LikelihoodTermCount is 0: a hand-written model).";
            return null;
        }

        try
        {
            _fitted = FittedObservations.Evaluate(model, Outcome.Theta);
        }
        catch (ArgumentException e)
        {
            // A family rejected its arguments at the estimate (its constructor's check): no fitted values, and the reason.
            _fittedUnavailable = "the fitted family rejected its parameters at the estimate: " + e.Message;
        }

        return _fitted;
    }

    /// <summary>The model's description, read once per fit (its GLM part copies the observations).</summary>
    private ModelDescription? Description => _description ??= Problem.Model.Describe();

    /// <summary>Why the fit stopped, in the result's words (a fit that needed no iteration says why).</summary>
    private string Reason(bool finite)
    {
        OptimizationResult result = Outcome.Result;
        if (!finite)
        {
            return "the log-likelihood is not finite at the estimate (" + result.Reason + ")";
        }

        if (result.Converged && result.Iterations == 0)
        {
            return Problem.FreeCount == 0
                ? "no free parameters: evaluated at the fixed values"
                : "the start values already pass the convergence tests (gradient and Newton decrement): no iterations were needed";
        }

        return Outcome.ThroughKinks ? "kinked likelihood, smoothing continuation; last stage: " + result.Reason : result.Reason;
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

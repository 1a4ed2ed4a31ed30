using System;
using System.Collections.Generic;
using System.Threading;

namespace MleGen;

/// <summary>How <see cref="ModelFitter.Fit"/> optimizes a model and reports it.</summary>
public sealed class FitOptions
{
    /// <summary>The optimizer; OWL-QN is used whenever a parameter has an L1/Laplace penalty. Default <see cref="FitMethod.Auto"/>.</summary>
    public FitMethod Method { get; init; } = FitMethod.Auto;

    /// <summary>Which matrix the standard errors come from. Default <see cref="CovarianceKind.Observed"/>.</summary>
    public CovarianceKind Covariance { get; init; } = CovarianceKind.Observed;

    /// <summary>
    /// The confidence level of the reported intervals (Wald in <see cref="FitResult.Parameters"/>, and the
    /// default of <see cref="FitResult.ProfileInterval(string)"/>), strictly between 0 and 1. Default 0.95.
    /// </summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Converged when the infinity norm of the (projected) gradient in the unconstrained coordinates is at most this times max(1, |objective|). Default 1e-8.</summary>
    public double GradientTolerance { get; init; } = 1e-8;

    /// <summary>Converged when an iteration changes the objective by at most this times max(1, |objective|). Default 1e-12.</summary>
    public double FunctionTolerance { get; init; } = 1e-12;

    /// <summary>The iteration budget. Default 1000.</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>Start values on the natural scale, in θ order (length <see cref="IMleModel.ParameterCount"/>); null to start from the model's current parameter values.</summary>
    public double[]? Start { get; init; }

    /// <summary>
    /// Parameters held at the given values (by name, e.g. <c>"Beta[1]"</c>) instead of being estimated; they get no
    /// standard error. Each value must be finite and strictly inside the parameter's bounds (they are exclusive), else
    /// <see cref="ModelFitter.Fit"/> throws <see cref="ArgumentOutOfRangeException"/>.
    /// </summary>
    public IReadOnlyDictionary<string, double>? Fixed { get; init; }

    /// <summary>Advisory upper bound on threads for models that evaluate in parallel; null for the model's default. Results do not depend on it.</summary>
    public int? Threads { get; init; }

    /// <summary>Receives one report per optimizer iteration.</summary>
    public IProgress<FitProgress>? Progress { get; init; }

    /// <summary>
    /// Checked before every evaluation of the model in every stage (warm start, iterations, Newton polish,
    /// standard errors, profile intervals of the result): cancelling throws <see cref="OperationCanceledException"/>
    /// within one evaluation.
    /// </summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>
    /// Fit over several processes, each holding its shard of the data (cut with
    /// <see cref="FitCluster.ShardRange"/>) in its own model instance; every rank calls <c>Fit</c> with the
    /// same options and gets the same result, bit-identical to a one-process fit of all rows. Null (the
    /// default) fits this process's data alone. See <c>MleGen.Mpi</c>'s <c>MpiCluster</c>.
    /// </summary>
    public FitCluster? Cluster { get; init; }

    /// <summary>A copy whose token is never cancelled: in a cluster fit, cancellation reaches the optimizers through the ranks' agreed laps instead.</summary>
    internal FitOptions WithoutCancellation() => new()
    {
        Method = Method,
        Covariance = Covariance,
        GradientTolerance = GradientTolerance,
        FunctionTolerance = FunctionTolerance,
        MaxIterations = MaxIterations,
        Start = Start,
        Fixed = Fixed,
        Threads = Threads,
        Progress = Progress,
        Cluster = Cluster,
    };
}

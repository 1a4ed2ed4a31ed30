using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace MleGen;

/// <summary>What the run-time checks (<c>MLE1002</c>–<c>MLE1010</c>) read: the problem, the estimate, its covariance and the fitted observations.</summary>
internal sealed class CheckContext
{
    public CheckContext(FitProblem problem, double[] theta, double objective, CovarianceOutcome covariance, CovarianceKind kind, FittedObservations? fitted, CancellationToken cancellation)
    {
        Problem = problem;
        Theta = theta;
        Objective = objective;
        Covariance = covariance;
        Kind = kind;
        Fitted = fitted;
        Cancellation = cancellation;
    }

    public FitProblem Problem { get; }

    public IMleModel Model => Problem.Model;

    /// <summary>θ̂ (natural scale).</summary>
    public double[] Theta { get; }

    /// <summary>NLL + negative log prior at θ̂ (what the optimizer minimized).</summary>
    public double Objective { get; }

    public CovarianceOutcome Covariance { get; }

    public CovarianceKind Kind { get; }

    public FittedObservations? Fitted { get; }

    public CancellationToken Cancellation { get; }

    /// <summary>Parameters whose Wald inference the checks found unusable (separation, a bound): their standard errors are reported as unavailable.</summary>
    public SortedSet<int> Unusable { get; } = new();

    /// <summary>n.</summary>
    public long ObservationCount => Fitted?.Count ?? Model.ObservationCount;

    /// <summary>k, the free parameters.</summary>
    public int FreeCount => Problem.FreeCount;

    public string Name(int i) => Problem.Infos[i].Name;

    public string Names(IEnumerable<int> indices) => string.Join(", ", Select(indices));

    private IEnumerable<string> Select(IEnumerable<int> indices)
    {
        foreach (int i in indices)
        {
            yield return Name(i);
        }
    }

    /// <summary>True when parameter <paramref name="i"/> is estimated and not a simplex member.</summary>
    public bool IsFreeScalar(int i) => !Problem.IsFixed[i] && !Problem.Infos[i].IsSimplex;

    /// <summary>The objective at θ̂ with <paramref name="edit"/> applied to a copy; NaN when the model rejects the point.</summary>
    public double ObjectiveWith(Action<double[]> edit)
    {
        Cancellation.ThrowIfCancellationRequested();
        double[] theta = (double[])Theta.Clone();
        edit(theta);
        return FitEngine.ObjectiveAt(Model, theta);
    }

    /// <summary>True when some likelihood term has one of <paramref name="families"/>.</summary>
    public bool HasFamily(params string[] families)
    {
        if (Fitted is null)
        {
            return false;
        }

        foreach (LikelihoodTermInfo term in Fitted.Terms)
        {
            if (Array.IndexOf(families, term.Family) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    public static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The binary and count-of-successes families.</summary>
    public static readonly string[] BinaryFamilies = ["Bernoulli", "BernoulliLogit", "BernoulliProbit", "Binomial", "BinomialLogit"];

    /// <summary>The families whose class counts the imbalance and separation checks read.</summary>
    public static readonly string[] ClassFamilies = ["Bernoulli", "BernoulliLogit", "BernoulliProbit", "Binomial", "BinomialLogit", "CategoricalLogits"];
}

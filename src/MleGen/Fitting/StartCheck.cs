using System;
using System.Globalization;
using System.Text;

namespace MleGen;

/// <summary>
/// The objective must be finite where the search starts: start values at which an observation has density 0
/// (an sd expression that is negative there, a probability outside [0, 1]) are an error naming the term and the
/// observation, at once, instead of a run that ends "not finite at the start values".
/// </summary>
internal static class StartCheck
{
    /// <summary>At most this many parameters are listed in the message.</summary>
    private const int ListedParameters = 12;

    /// <exception cref="ArgumentException">The NLL or the log prior is not finite at the start values (as the optimizer sees them: moved inside their bounds).</exception>
    public static void RequireFinite(FitProblem problem)
    {
        IMleModel model = problem.Model;
        ParameterTransform.RequireOrdered(problem.Infos, problem.Start);
        var transform = new ParameterTransform(problem.Infos, problem.Start, problem.IsFixed);
        double[] u = new double[transform.FreeCount];
        transform.ToUnconstrained(problem.Start, u);
        double[] theta = new double[problem.Infos.Length];
        transform.ToNatural(u, theta);
        double nll = model.NegativeLogLikelihood(theta);
        // (no cancellation check between: the prior is not a model evaluation over the data)
        double prior = model.HasPrior ? model.NegativeLogPrior(theta, Span<double>.Empty) : 0;
        if (double.IsFinite(nll) && double.IsFinite(prior))
        {
            return;
        }

        var message = new StringBuilder("The start values give ");
        message.Append(double.IsFinite(nll)
            ? string.Create(CultureInfo.InvariantCulture, $"a log prior of {-prior}")
            : string.Create(CultureInfo.InvariantCulture, $"a log-likelihood of {-nll}"));
        if (!double.IsFinite(nll) && Locate(model, theta, problem) is { } where)
        {
            message.Append(": ").Append(where);
        }

        message.Append(". Start where every observation has a positive density (the [Param] members' values or FitOptions.Start): ");
        for (int i = 0; i < theta.Length && i < ListedParameters; i++)
        {
            message.Append(i == 0 ? "" : ", ").Append(problem.Infos[i].Name).Append(" = ").Append(theta[i].ToString("G6", CultureInfo.InvariantCulture));
        }

        message.Append(theta.Length > ListedParameters ? ", …" : "").Append('.');
        throw new ArgumentException(message.ToString(), "options");
    }

    /// <summary>The first observation whose NLL is not finite, through the generated per-chunk kernel (null for other models).</summary>
    private static string? Locate(IMleModel model, double[] theta, FitProblem problem)
    {
        if (model is not IChunkKernel kernel)
        {
            return null;
        }

        double[] scratch = new double[theta.Length];
        for (int term = 0; term < kernel.TermCount; term++)
        {
            for (int i = 0, n = kernel.TermObservationCount(term); i < n; i++)
            {
                double value = kernel.EvaluateChunk(EvaluationKind.Value, term, theta, Span<double>.Empty, scratch, i, i + 1);
                if (!double.IsFinite(value))
                {
                    string where = string.Create(CultureInfo.InvariantCulture, $"observation {i} of likelihood term {term + 1} (of {kernel.TermCount}) has log-likelihood {-value}");
                    return Culprit(kernel, term, i, theta, scratch, problem) is { } culprit ? where + culprit : where;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The parameter whose start alone makes the observation's density 0: the first whose replacement by a plain
    /// in-support value (its magnitude, 1, ½) makes the observation's log-likelihood finite with every other parameter
    /// kept (a scale started at −1 without <c>Lower = 0</c>); null when no single parameter does.
    /// </summary>
    private static string? Culprit(IChunkKernel kernel, int term, int observation, double[] theta, double[] scratch, FitProblem problem)
    {
        double[] trial = (double[])theta.Clone();
        for (int k = 0; k < theta.Length; k++)
        {
            if (problem.IsFixed[k])
            {
                continue;
            }

            foreach (double candidate in (ReadOnlySpan<double>)[Math.Abs(theta[k]), 1, 0.5])
            {
                if (candidate == theta[k] || !double.IsFinite(candidate))
                {
                    continue;
                }

                trial[k] = candidate;
                double value = kernel.EvaluateChunk(EvaluationKind.Value, term, trial, Span<double>.Empty, scratch, observation, observation + 1);
                trial[k] = theta[k];
                if (double.IsFinite(value))
                {
                    string name = problem.Infos[k].Name;
                    return string.Create(CultureInfo.InvariantCulture,
                        $"; the start of {name} ({theta[k]:G6}) is outside the support there ({name} = {candidate:G6} gives a finite density: give {name} a valid start, and a bound such as Lower = 0 if it is a scale)");
                }
            }
        }

        return null;
    }
}

using System;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using MathNet.Numerics.Optimization;

namespace MleGen.Benchmarks;

/// <summary>What a MathNet L-BFGS fit found.</summary>
/// <param name="Estimates">θ̂ on the natural scale.</param>
/// <param name="StandardErrors">From the generated observed information (NaN where it is singular).</param>
/// <param name="Iterations">MathNet's iteration count.</param>
/// <param name="Evaluations">NLL + gradient evaluations MathNet asked for.</param>
/// <param name="GradientNorm">‖g‖∞ at the minimizer, in the unconstrained coordinates.</param>
/// <param name="Reason">MathNet's exit condition (its L-BFGS reports <c>AbsoluteGradient</c> whichever test stopped it).</param>
internal sealed record MathNetFit(double[] Estimates, double[] StandardErrors, int Iterations, int Evaluations, double GradientNorm, string Reason);

/// <summary>
/// MathNet.Numerics' <see cref="LimitedMemoryBfgsMinimizer"/> driven by the generated NLL + gradient,
/// over the same unconstrained coordinates as MleGen's own fit (log for σ &gt; 0, a K − 1 dimensional
/// map for the simplex: <see cref="ModelObjective"/> over a <see cref="ParameterTransform"/>), then the
/// standard errors from the generated observed information through the same covariance code
/// (<see cref="CovarianceEstimator"/>): only the optimizer differs from <c>model.Fit()</c>.
/// </summary>
internal static class MathNetLbfgsFit
{
    /// <summary>The gradient test, MleGen's default (MathNet scales ‖g‖∞ by max(1, |xᵢ|)/max(1, |f|), MleGen by 1/max(1, |f|)).</summary>
    public const double GradientTolerance = 1e-8;

    /// <summary>MathNet's relative step test; MleGen's step test is 1e-15.</summary>
    public const double ParameterTolerance = 1e-15;

    /// <summary>MathNet's function-progress test; MleGen's default relative change is 1e-12.</summary>
    public const double FunctionTolerance = 1e-12;

    /// <summary>Correction pairs kept: MleGen's L-BFGS keeps 10 (MathNet's default is 5).</summary>
    public const int Memory = 10;

    /// <summary>Minimizes the NLL of <paramref name="model"/> from <paramref name="start"/> and computes the standard errors.</summary>
    public static MathNetFit Run(IMleModel model, double[] start, int maxIterations = 1000)
    {
        int p = model.ParameterCount;
        var infos = new ParameterInfo[p];
        for (int i = 0; i < p; i++)
        {
            infos[i] = model.GetParameterInfo(i);
        }

        bool[] isFixed = new bool[p];
        var transform = new ParameterTransform(infos, start, isFixed);
        var objective = new ModelObjective(model, transform, CurvatureKind.Observed);
        int q = transform.FreeCount;
        double[] u = new double[q];
        transform.ToUnconstrained(start, u);

        int evaluations = 0;
        IObjectiveFunction function = ObjectiveFunction.Gradient(point =>
        {
            // MathNet keeps each evaluation's gradient vector, so every call needs a fresh one.
            evaluations++;
            var gradient = new DenseVector(q);
            double value = objective.ValueAndGradient(point.AsArray() ?? point.ToArray(), gradient.Values);
            return (value, (Vector<double>)gradient);
        });

        var minimizer = new LimitedMemoryBfgsMinimizer(GradientTolerance, ParameterTolerance, FunctionTolerance, Memory, maxIterations);
        MinimizationResult result = minimizer.FindMinimum(function, DenseVector.OfArray(u));

        double[] theta = new double[p];
        transform.ToNatural(result.MinimizingPoint.ToArray(), theta);
        CovarianceOutcome covariance = CovarianceEstimator.Estimate(model, theta, infos, isFixed, CovarianceKind.Observed, System.Threading.CancellationToken.None);
        double[] se = new double[p];
        for (int i = 0; i < p; i++)
        {
            double variance = covariance.Covariance?[i, i] ?? double.NaN;
            se[i] = variance > 0 ? Math.Sqrt(variance) : double.NaN;
        }

        return new MathNetFit(theta, se, result.Iterations, evaluations, result.FunctionInfoAtMinimum.Gradient.InfinityNorm(), result.ReasonForExit.ToString());
    }
}

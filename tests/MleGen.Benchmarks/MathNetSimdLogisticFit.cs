using System;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using MathNet.Numerics.Optimization;

namespace MleGen.Benchmarks;

/// <summary>
/// The hand-written baseline of a whole logistic fit: MathNet.Numerics' L-BFGS on the <see cref="SimdLogistic"/> kernel
/// (no generated code, no parameter transform), then the standard errors from the hand-written XᵀWX and its Cholesky
/// inverse — what a user writes without MleGen, with the same tolerances as <see cref="MathNetLbfgsFit"/>.
/// </summary>
internal static class MathNetSimdLogisticFit
{
    /// <summary>Fits β from zero and returns the estimates, standard errors, iterations and kernel evaluations.</summary>
    public static MathNetFit Run(double[,] x, int[] y, int maxIterations = 1000)
    {
        int p = x.GetLength(1);
        int evaluations = 0;
        IObjectiveFunction function = ObjectiveFunction.Gradient(point =>
        {
            evaluations++;
            var gradient = new DenseVector(p);
            double value = SimdLogistic.ValueAndGradient(x, y, point.AsArray() ?? point.ToArray(), gradient.Values);
            return (value, (Vector<double>)gradient);
        });

        var minimizer = new LimitedMemoryBfgsMinimizer(MathNetLbfgsFit.GradientTolerance, MathNetLbfgsFit.ParameterTolerance,
            MathNetLbfgsFit.FunctionTolerance, MathNetLbfgsFit.Memory, maxIterations);
        MinimizationResult result = minimizer.FindMinimum(function, new DenseVector(p));
        double[] beta = result.MinimizingPoint.ToArray();
        double[] information = new double[p * p];
        SimdLogistic.Information(x, beta, information);
        return new MathNetFit(beta, SimdLogistic.StandardErrors(information, p), result.Iterations, evaluations,
            result.FunctionInfoAtMinimum.Gradient.InfinityNorm(), result.ReasonForExit.ToString());
    }
}

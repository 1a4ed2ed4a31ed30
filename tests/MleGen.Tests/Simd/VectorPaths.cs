using System;
using System.Linq;
using System.Reflection;

namespace MleGen.Tests.Simd;

/// <summary>
/// Puts a generated model through a chosen kernel width: 1 (the scalar kernels), 4 (Vector256) or 8 (Vector512, run in
/// software where the hardware lacks it — slower, the same results). Sets the model's own evaluator, so tests running in
/// parallel are not affected.
/// </summary>
internal static class VectorPaths
{
    /// <summary>The scalar path, and the hardware's width (4 when it has no vector path, so both vector kernels run somewhere).</summary>
    public static readonly int[] ScalarAndVector = [1, VectorKernels.DefaultWidth == 8 ? 8 : 4];

    /// <summary>Every width.</summary>
    public static readonly int[] All = [1, 4, 8];

    public static T Force<T>(T model, int width)
        where T : IMleModel
    {
        Evaluator(model).ForcedVectorWidth = width;
        return model;
    }

    /// <summary>The width the model's last evaluation ran at.</summary>
    public static int LastWidth(IMleModel model) => Evaluator(model).VectorWidth;

    /// <summary>True when the generator gave a term of the model its vector kernels (both widths).</summary>
    public static bool IsVectorized(IMleModel model)
    {
        var methods = model.GetType().GetMethods(BindingFlags.NonPublic | BindingFlags.Instance).Select(m => m.Name).ToHashSet();
        return methods.Any(m => m.StartsWith("__NllGradient", StringComparison.Ordinal) && m.EndsWith("_V4", StringComparison.Ordinal))
            && methods.Any(m => m.StartsWith("__Nll", StringComparison.Ordinal) && m.EndsWith("_V8", StringComparison.Ordinal));
    }

    /// <summary>True when the generator gave a term of the model its vector observed-information kernels (both widths).</summary>
    public static bool IsInformationVectorized(IMleModel model)
    {
        var methods = model.GetType().GetMethods(BindingFlags.NonPublic | BindingFlags.Instance).Select(m => m.Name).ToHashSet();
        return methods.Any(m => m.StartsWith("__Hessian", StringComparison.Ordinal) && m.EndsWith("_V4", StringComparison.Ordinal))
            && methods.Any(m => m.StartsWith("__Hessian", StringComparison.Ordinal) && m.EndsWith("_V8", StringComparison.Ordinal));
    }

    /// <summary>True when the generator gave a term of the model its vector score outer product kernels (both widths).</summary>
    public static bool IsScoreOuterProductVectorized(IMleModel model)
    {
        var methods = model.GetType().GetMethods(BindingFlags.NonPublic | BindingFlags.Instance).Select(m => m.Name).ToHashSet();
        return methods.Any(m => m.StartsWith("__ScoreOuter", StringComparison.Ordinal) && m.EndsWith("_V4", StringComparison.Ordinal))
            && methods.Any(m => m.StartsWith("__ScoreOuter", StringComparison.Ordinal) && m.EndsWith("_V8", StringComparison.Ordinal));
    }

    /// <summary>
    /// The observed and (where the model has it) expected information at the model's forced width, p×p each; the
    /// expected one is null where the model has none.
    /// </summary>
    public static (double[] Observed, double[]? Expected) Information(IMleModel model, double[] theta)
    {
        int p = theta.Length;
        double[] observed = new double[p * p];
        model.ObservedInformation(theta, observed);
        double[]? expected = null;
        if (model.HasExpectedInformation)
        {
            expected = new double[p * p];
            model.ExpectedInformation(theta, expected);
        }

        return (observed, expected);
    }

    /// <summary>Each entry of <paramref name="actual"/> within <paramref name="tolerance"/>·max(1, max |expected entry|) of <paramref name="expected"/>.</summary>
    public static void MatrixAgrees(IMleModel model, string what, double[] expected, double[] actual, double tolerance)
    {
        int p = (int)Math.Round(Math.Sqrt(expected.Length));
        double scale = Math.Max(1, expected.Max(Math.Abs));
        for (int k = 0; k < expected.Length; k++)
        {
            if (!(Math.Abs(expected[k] - actual[k]) <= tolerance * scale))
            {
                throw new Xunit.Sdk.XunitException($"{what} [{model.GetParameterName(k / p)}, {model.GetParameterName(k % p)}]: scalar {expected[k]:R}, vector {actual[k]:R} (scale {scale:R})");
            }
        }
    }

    private static ChunkedEvaluator Evaluator(IMleModel model)
    {
        var property = model.GetType().GetProperty("__Evaluator", BindingFlags.NonPublic | BindingFlags.Instance)
            ?? throw new InvalidOperationException(model.GetType().Name + " is not a generated model.");
        return (ChunkedEvaluator)property.GetValue(model)!;
    }
}

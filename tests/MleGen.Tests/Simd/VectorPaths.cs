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

    private static ChunkedEvaluator Evaluator(IMleModel model)
    {
        var property = model.GetType().GetProperty("__Evaluator", BindingFlags.NonPublic | BindingFlags.Instance)
            ?? throw new InvalidOperationException(model.GetType().Name + " is not a generated model.");
        return (ChunkedEvaluator)property.GetValue(model)!;
    }
}

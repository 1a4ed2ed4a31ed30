using System;
using System.Linq;
using System.Reflection;
using System.Runtime.Intrinsics;
using MleGen.Benchmarks;
using Xunit;

namespace MleGen.Tests.Simd;

/// <summary>
/// A fit is a short process: the JIT's tiering ran the generated kernels (those without <c>stackalloc</c>) and their
/// runtime callees at Tier0 for the first part of a fit (docs/internals/simd.md, "Tiering"). Every generated chunk kernel
/// is therefore <c>MethodImplOptions.AggressiveOptimization</c>, and every <see cref="VectorMath"/> function and
/// <see cref="VectorKernels"/> helper a kernel calls is either inlined into it (<c>AggressiveInlining</c>) or compiled
/// fully optimized at its first call (<c>AggressiveOptimization</c>); these tests hold the generator and the runtime to
/// that, so a new kernel or function cannot silently start at Tier0. (The timings: <c>--tiering-report</c>.)
/// </summary>
public class TieringAttributeTests
{
    private static readonly string[] KernelPrefixes = ["__Nll", "__DataConstant", "__Hessian", "__Expected", "__ScoreOuter", "__Fitted"];

    [Theory]
    [InlineData(typeof(LogisticModel))]
    [InlineData(typeof(PoissonModel))]
    [InlineData(typeof(LinearModel))]
    [InlineData(typeof(NegativeBinomialRegressionModel))]
    [InlineData(typeof(MixtureModel))]
    public void EveryGeneratedKernelIsFullyOptimizedAtItsFirstCall(Type model)
    {
        MethodInfo[] kernels = model.GetMethods(BindingFlags.Instance | BindingFlags.NonPublic)
            .Where(m => KernelPrefixes.Any(p => m.Name.StartsWith(p, StringComparison.Ordinal)))
            .ToArray();

        // The scalar NLL and gradient, their 4- and 8-wide forms, and the information kernels: a renamed kernel
        // would otherwise drop out of this test unnoticed.
        Assert.Contains(kernels, m => m.Name == "__NllGradient0");
        Assert.Contains(kernels, m => m.Name == "__NllGradient0_V4");
        Assert.Contains(kernels, m => m.Name == "__NllGradient0_V8");
        Assert.Contains(kernels, m => m.Name.StartsWith("__Hessian", StringComparison.Ordinal) || m.Name.StartsWith("__Expected", StringComparison.Ordinal));
        Assert.All(kernels, m => Assert.True(
            m.MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveOptimization),
            $"{model.Name}.{m.Name} is not MethodImplOptions.AggressiveOptimization"));
    }

    [Fact]
    public void EveryVectorMathFunctionOfAKernelIsInlinedOrOptimizedAtOnce()
    {
        // The functions over Vector256/Vector512 and their scalar twins (the span overloads are a user API, not called by kernels).
        MethodInfo[] functions = typeof(VectorMath).GetMethods(BindingFlags.Static | BindingFlags.Public)
            .Where(m => m.ReturnType == typeof(double) || m.ReturnType == typeof(Vector256<double>) || m.ReturnType == typeof(Vector512<double>))
            .ToArray();
        Assert.Contains(functions, m => m.Name == "Log1p" && m.ReturnType == typeof(Vector512<double>));
        Assert.Contains(functions, m => m.Name == "LogGammaDifference" && m.ReturnType == typeof(Vector256<double>));
        Assert.All(functions, AssertInlinedOrOptimized);
    }

    [Fact]
    public void EveryVectorKernelsHelperIsInlinedOrOptimizedAtOnce()
    {
        // Lanes applies a scalar delegate lane by lane (the documented scalar fallback inside a vector kernel): the
        // delegate's target tiers on its own, whatever Lanes is marked.
        MethodInfo[] helpers = typeof(VectorKernels).GetMethods(BindingFlags.Static | BindingFlags.Public)
            .Where(m => !m.IsSpecialName && m.Name != "Lanes")
            .ToArray();
        Assert.Contains(helpers, m => m.Name == "CountRange");
        Assert.Contains(helpers, m => m.Name == "AddOuterUpper");
        Assert.All(helpers, AssertInlinedOrOptimized);
    }

    private static void AssertInlinedOrOptimized(MethodInfo method)
    {
        MethodImplAttributes flags = method.MethodImplementationFlags;
        Assert.True(
            flags.HasFlag(MethodImplAttributes.AggressiveInlining) || flags.HasFlag(MethodImplAttributes.AggressiveOptimization),
            $"{method.DeclaringType!.Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))}) is neither AggressiveInlining nor AggressiveOptimization");
    }
}

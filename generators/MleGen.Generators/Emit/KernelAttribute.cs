namespace MleGen.Generators.Emit;

/// <summary>
/// The attribute on every generated kernel (the NLL, gradient, information, score and fitted-value loops over a chunk's
/// observations): <c>MethodImplOptions.AggressiveOptimization</c>. A fit is a short process that calls each kernel a few
/// dozen times; with the JIT's tiering a kernel without <c>stackalloc</c> started at Tier0 (its loops at Tier0 until
/// on-stack replacement, which a chunk's few hundred 8-wide blocks never trigger; its <c>AggressiveInlining</c> callees
/// called, not inlined) and stayed there for the first part of the fit — the logistic 8-wide kernel ran at about 2–4× its
/// steady-state time for its first ~30 calls. Fully optimized at the first call, the kernel inlines its callees from the
/// start (docs/internals/simd.md, "Tiering").
/// </summary>
internal static class KernelAttribute
{
    /// <summary>The attribute line, written before a kernel's signature.</summary>
    public const string Line = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]";

    /// <summary>Writes <see cref="Line"/>.</summary>
    public static void Emit(IndentedWriter w) => w.Line(Line);
}

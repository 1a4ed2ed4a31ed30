using System.Globalization;

namespace MleGen;

/// <summary>
/// <see cref="FitMethod.Auto"/>'s rule: trust-region Newton on the exact Hessian when a Hessian is cheap
/// beside a gradient, L-BFGS otherwise. It depends on the problem's size only (n and the free parameter
/// count), never on timings, so a fit is reproducible on any machine.
/// </summary>
/// <remarks>
/// The generated Hessian of a term costs about p/2 to p gradients (p² entries per observation against
/// p), plus a p³/3 Cholesky per step. Newton needs 5–30 steps from a far start on a GLM or a NIST
/// problem, scale-invariantly; L-BFGS needs tens to hundreds of iterations and fails on badly scaled
/// curved problems (NIST MGH09 from its start 1). Below ~50 parameters a Newton step costs at most a
/// few dozen gradients and Newton wins or ties on every problem we measured (tests/MleGen.Benchmarks
/// <c>FitBenchmarks</c>); above it Newton still wins when the Hessian is cheap in absolute terms (n·p²
/// small), as long as the p×p work stays small.
/// </remarks>
internal static class MethodChoice
{
    /// <summary>Up to this many free parameters Newton is chosen whatever n (a Hessian costs at most a few dozen gradients).</summary>
    public const int SmallParameterCount = 50;

    /// <summary>Above <see cref="SmallParameterCount"/>, Newton is still chosen while n·p² (a Hessian's multiply–adds) is at most this (~0.1 s).</summary>
    public const double CheapHessianWork = 5e7;

    /// <summary>Beyond this many free parameters the p×p matrices and the p³ factorizations rule Newton out.</summary>
    public const int LargeParameterCount = 500;

    /// <summary>The method for a smooth problem with <paramref name="freeCount"/> free parameters and <paramref name="observations"/> observations, with the reason.</summary>
    public static FitMethod Choose(int observations, int freeCount, out string reason)
    {
        double work = (double)observations * freeCount * freeCount;
        if (freeCount <= SmallParameterCount)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"automatic: {freeCount} free parameters ≤ {SmallParameterCount}, an exact Hessian is cheap beside a gradient");
            return FitMethod.Newton;
        }

        if (freeCount <= LargeParameterCount && work <= CheapHessianWork)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"automatic: n·p² = {work:G3} ≤ {CheapHessianWork:G3}, an exact Hessian is cheap");
            return FitMethod.Newton;
        }

        reason = string.Create(CultureInfo.InvariantCulture, $"automatic: {freeCount} free parameters and n·p² = {work:G3}, a Hessian costs too many gradients");
        return FitMethod.Lbfgs;
    }
}

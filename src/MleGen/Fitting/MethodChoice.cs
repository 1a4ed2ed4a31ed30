using System.Globalization;

namespace MleGen;

/// <summary>
/// <see cref="FitMethod.Auto"/>'s rule: trust-region Newton on the exact Hessian when a Hessian is cheap
/// beside a gradient, L-BFGS otherwise. It depends on the problem's size only (n and the free parameter
/// count), never on timings, so a fit is reproducible on any machine.
/// </summary>
/// <remarks>
/// The generated Hessian of a term costs about p/4 to p gradients (p²/2 entries per observation against
/// 2p multiply–adds; 4.2 gradients at p = 20 on a logistic regression), plus a p³/3 Cholesky per step.
/// Newton needs 4–30 steps, scale-invariantly, and solves the problems on which L-BFGS stalls or slides
/// into a degenerate valley (NIST MGH09 from its start 1). L-BFGS needs 7 iterations on a well-conditioned
/// regression and hundreds on a badly scaled one, and its fit ends with a Newton polish anyway. So Newton
/// when a step costs at most a few gradients (p ≤ 10), or when a Hessian is cheap in absolute terms (n·p²
/// small, ~0.1 s of scalar code) while the p×p work stays small; L-BFGS otherwise. Measured on the
/// logistic regression of tests/MleGen.Benchmarks (n = 10⁶, p = 20, one thread): Newton 4 steps, 5
/// Hessians, 1.8× the time of L-BFGS's 7 iterations and 2 Hessians.
/// </remarks>
internal static class MethodChoice
{
    /// <summary>Up to this many free parameters Newton is chosen whatever n (a Hessian costs at most ~3 gradients).</summary>
    public const int SmallParameterCount = 10;

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
            reason = string.Create(CultureInfo.InvariantCulture, $"automatic: {freeCount} free parameters ≤ {SmallParameterCount}, an exact Hessian costs a few gradients");
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

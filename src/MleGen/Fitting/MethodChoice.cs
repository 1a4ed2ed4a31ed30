using System.Globalization;

namespace MleGen;

/// <summary>
/// <see cref="FitMethod.Auto"/>'s rule: trust-region Newton on the exact Hessian when a Hessian is cheap
/// beside a gradient, L-BFGS otherwise. It depends on the problem's size only (n and the free parameter
/// count), never on timings, so a fit is reproducible on any machine.
/// </summary>
/// <remarks>
/// The generated Hessian of a term costs about p/4 to p gradients (p²/2 entries per observation against
/// 2p multiply–adds: 4.2 gradients for a logistic regression at p = 20, 5.7 for a 3-component mixture at
/// p = 9), plus a p³/3 Cholesky per step. Newton takes 4–50 steps, scale-invariantly, and solves the
/// small hard problems on which L-BFGS stalls or slides into a degenerate valley (NIST MGH09 from its
/// start 1); L-BFGS takes 7–30 iterations on a large well-posed fit, whose end is polished by Newton
/// anyway, and hands a stalled search to Newton. Measured on tests/MleGen.Benchmarks (one thread):
/// logistic 10⁶ × 20, Newton 1.8× the time of L-BFGS; Poisson 10⁶ × 10, 1.5×; a 3-component mixture of
/// 10⁵, 9× (46 damped steps on a non-convex likelihood). So Newton where a Hessian is cheap in absolute
/// terms — n·p² up to 10⁶ multiply–adds, a few milliseconds — or where it costs about a gradient (p ≤ 3),
/// L-BFGS otherwise.
/// </remarks>
internal static class MethodChoice
{
    /// <summary>Up to this many free parameters Newton is chosen whatever n (a Hessian costs about a gradient).</summary>
    public const int SmallParameterCount = 3;

    /// <summary>Newton is chosen while n·p² (a Hessian's multiply–adds) is at most this: a few milliseconds of scalar code.</summary>
    public const double CheapHessianWork = 1e6;

    /// <summary>Beyond this many free parameters the p×p matrices and the p³ factorizations rule Newton out.</summary>
    public const int LargeParameterCount = 500;

    /// <summary>The method for a smooth problem with <paramref name="freeCount"/> free parameters and <paramref name="observations"/> observations, with the reason.</summary>
    public static FitMethod Choose(int observations, int freeCount, out string reason)
    {
        double work = (double)observations * freeCount * freeCount;
        if (freeCount <= SmallParameterCount)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"automatic: {freeCount} free parameters ≤ {SmallParameterCount}, an exact Hessian costs about a gradient");
            return FitMethod.Newton;
        }

        if (freeCount <= LargeParameterCount && work <= CheapHessianWork)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"automatic: n·p² = {work:G3} ≤ {CheapHessianWork:G3}, an exact Hessian is cheap");
            return FitMethod.Newton;
        }

        reason = freeCount > LargeParameterCount
            ? string.Create(CultureInfo.InvariantCulture, $"automatic: {freeCount} free parameters > {LargeParameterCount}, p×p matrices are too costly")
            : string.Create(CultureInfo.InvariantCulture, $"automatic: n·p² = {work:G3} > {CheapHessianWork:G3}, a Hessian costs several gradients");
        return FitMethod.Lbfgs;
    }
}

using MleGen.Generators.Ir;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Families;

/// <summary>
/// The IR a likelihood term needs from its family: log density, log CDF (censoring) and the log probability of a
/// truncation's allowed region. Each family's formulas live in its <see cref="FamilyDescriptor"/>; this class only
/// dispatches through <see cref="FamilyRegistry"/> and combines CDFs into truncation masses.
/// </summary>
internal static class FamilyTable
{
    /// <summary>The generated field holding the model's kink smoothing ε (see <c>IMleModel.KinkSmoothing</c>).</summary>
    public const string KinkSmoothingField = "__kinkSmoothing";

    /// <summary>True for families whose log density has a kink in its parameters (Laplace: |y − m|).</summary>
    public static bool HasKink(FamilyKind family) => FamilyRegistry.Get(family).HasKink;

    /// <summary>log p(<paramref name="y"/> | family(<paramref name="args"/>)). <paramref name="y"/> is the observation as read (double, int or bool).</summary>
    /// <remarks>With <paramref name="vectorForm"/>, the family's <see cref="FamilyDescriptor.VectorLogDensity"/> (the vector NLL kernels' lowering).</remarks>
    public static Node LogDensity(IrBuilder b, FamilyKind family, Node y, FamilyArguments args, bool vectorForm = false)
    {
        // The observation as a double first, for every family: keeps node ids (and the generated code) deterministic in y's type.
        b.ToDouble(y);
        var descriptor = FamilyRegistry.Get(family);
        return vectorForm ? descriptor.VectorLogDensity(b, y, args) : descriptor.LogDensity(b, y, args);
    }

    /// <summary>The families a censored observation can be written for, as the diagnostic lists them.</summary>
    public static readonly string CensorableFamilies = FamilyRegistry.List(f => f.SupportsCensoring);

    /// <summary>True for the families whose log CDF and log survival function (and their derivatives in every argument) the generator can emit.</summary>
    public static bool SupportsCensoring(FamilyKind family) => FamilyRegistry.Get(family).SupportsCensoring;

    /// <summary>log F(<paramref name="y"/>) (<paramref name="upper"/> false) or log S(y) = log(1 − F(y)) (true), stable in both tails.</summary>
    /// <remarks>Only for the families of <see cref="SupportsCensoring"/>; others throw <see cref="Common.InternalErrorException"/>.</remarks>
    public static Node LogCdf(IrBuilder b, FamilyKind family, Node y, FamilyArguments args, bool upper)
    {
        b.ToDouble(y);
        return FamilyRegistry.Get(family).LogCdf(b, y, args, upper);
    }

    /// <summary>The families a likelihood can truncate, as the diagnostic lists them.</summary>
    public static readonly string TruncatableFamilies = "below and above: " + FamilyRegistry.List(f => f.Truncation == TruncationForm.ByCdf)
        + "; below only (y > L): " + FamilyRegistry.List(f => f.Truncation == TruncationForm.DiscreteBelow);

    /// <summary>True when the family's allowed-region probability (and its derivatives) can be emitted.</summary>
    public static bool SupportsTruncation(FamilyKind family, bool below) => FamilyRegistry.Get(family).Truncation switch
    {
        TruncationForm.ByCdf => true,
        TruncationForm.DiscreteBelow => below,
        TruncationForm.None => false,
        var other => throw new Common.InternalErrorException("unknown truncation form " + other),
    };

    /// <summary>True for the truncatable discrete families (below means y &gt; L, and L must be a whole number).</summary>
    public static bool IsDiscreteTruncation(FamilyKind family) => FamilyRegistry.Get(family).Truncation == TruncationForm.DiscreteBelow;

    /// <summary>
    /// log P(L &lt; Y ≤ U) (either bound may be null: no bound on that side). A bound at or beyond its edge of the
    /// family's support (<see cref="FamilyDescriptor.TruncationEdges"/>) cuts nothing off, for every θ: its side
    /// contributes exactly 0 (a data-only branch), so such a row's NLL, gradient and Hessian are the untruncated ones
    /// bit for bit, where the CDF's limit would give log 0 or 0·∞ in the derivatives.
    /// </summary>
    public static Node LogTruncationMass(IrBuilder b, FamilyKind family, FamilyArguments args, Node? lower, Node? upper)
    {
        var descriptor = FamilyRegistry.Get(family);
        if (lower is null && upper is null)
        {
            throw new Common.InternalErrorException(family + " truncated with no bound");
        }

        var edges = descriptor.TruncationEdges;
        var cutsBelow = lower is null ? null : b.Binary(BinaryOp.Greater, b.ToDouble(lower), b.Constant(edges.Lower));
        var cutsAbove = upper is null ? null : b.Binary(BinaryOp.Less, b.ToDouble(upper), b.Constant(edges.Upper));
        var zero = b.Constant(0);
        switch (descriptor.Truncation)
        {
            case TruncationForm.DiscreteBelow:
                return b.Conditional(
                    cutsBelow ?? throw new Common.InternalErrorException(family + " truncated with no lower bound"),
                    descriptor.LogSurvivalAbove(b, args, lower!),
                    zero);
            case TruncationForm.ByCdf:
                break;
            default:
                throw new Common.InternalErrorException("the family " + family + " cannot be truncated");
        }

        // log S(L) and log F(U), each only where its bound cuts, and evaluated at a stand-in inside the support where it
        // does not (see SupportEdges: the branch not taken must still be finite).
        var lowerCut = lower is null ? null : b.Conditional(cutsBelow!, b.ToDouble(lower), b.Constant(edges.InsideLow));
        var upperCut = upper is null ? null : b.Conditional(cutsAbove!, b.ToDouble(upper), b.Constant(edges.InsideHigh));
        var belowOnly = cutsBelow is null ? zero : b.Conditional(cutsBelow, LogCdf(b, family, lowerCut!, args, upper: true), zero);
        if (cutsAbove is null)
        {
            return belowOnly;
        }

        var aboveOnly = b.Conditional(cutsAbove, LogCdf(b, family, upperCut!, args, upper: false), zero);
        if (cutsBelow is null)
        {
            return aboveOnly;
        }

        // Both cut: log(F(U) − F(L)) = log F(U) + log(1 − F(L)/F(U)), the stand-ins (InsideLow, InsideHigh) in rows where
        // either does not (one alone could lie on the wrong side of the other's stand-in).
        var bothCut = b.Binary(BinaryOp.And, cutsBelow, cutsAbove);
        var lowerBoth = b.Conditional(bothCut, b.ToDouble(lower!), b.Constant(edges.InsideLow));
        var upperBoth = b.Conditional(bothCut, b.ToDouble(upper!), b.Constant(edges.InsideHigh));
        var logFUpper = LogCdf(b, family, upperBoth, args, upper: false);
        var both = b.Add(logFUpper, b.Unary(UnaryOp.Log1mExp, b.Subtract(logFUpper, LogCdf(b, family, lowerBoth, args, upper: false))));
        return b.Conditional(bothCut, both, b.Add(aboveOnly, belowOnly));
    }
}

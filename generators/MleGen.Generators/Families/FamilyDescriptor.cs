using System.Collections.Generic;
using MleGen.Generators.Common;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Families;

/// <summary>How an argument reaches a family: a scalar expression, an int count, a whole vector member or a lambda.</summary>
internal enum ArgumentKind
{
    /// <summary>A double expression of the observation (a mean, a scale, a linear predictor).</summary>
    Scalar,

    /// <summary>An int (Binomial's trials, a categorical's classes): it bounds the observation's support.</summary>
    Count,

    /// <summary>A whole <c>double[]</c> data or parameter member (a mixture's weights, means, sds).</summary>
    Vector,

    /// <summary>A lambda <c>k =&gt; …</c> (a categorical's logits).</summary>
    Lambda,
}

/// <summary>What the MLE01xx lint knows an argument to be.</summary>
internal enum ArgumentRole
{
    /// <summary>Nothing the lint checks.</summary>
    None,

    /// <summary>The location (or log-scale location) of a continuous family.</summary>
    Location,

    /// <summary>Must be positive: a scale, sd, rate, shape, dispersion or degrees of freedom (MLE0101).</summary>
    Positive,

    /// <summary>A probability in [0, 1] (MLE0107).</summary>
    Probability,
}

/// <summary>One argument of a family, in constructor order.</summary>
/// <param name="Name">The constructor parameter's name (the runtime's; <c>FamilyContractTests</c> and <c>ArgumentDomainsTests</c> compare).</param>
/// <param name="Kind">How the argument is written.</param>
/// <param name="Domain">The values it accepts, as a member of the runtime's <c>MleGen.ArgumentDomain</c> (<see cref="ArgumentDomains"/>).</param>
/// <param name="Role">What the lint knows it to be.</param>
internal sealed record FamilyArgument(string Name, ArgumentKind Kind, string Domain, ArgumentRole Role);

/// <summary>Where a family's expected (Fisher) information comes from.</summary>
internal enum FisherForm
{
    /// <summary>Closed-form entries over the scalar arguments (<see cref="FamilyDescriptor.FisherEntries"/>).</summary>
    Entries,

    /// <summary>diag p − ppᵀ over the logits of a categorical, built by the information emitter.</summary>
    Softmax,

    /// <summary>Σₖ ∂pₖ∂pₖᵀ/pₖ over the classes of a cumulative-link model (OrderedLogistic), built by the information planner.</summary>
    Cumulative,

    /// <summary>No closed form: the runtime integrates it (a mixture's quadrature); the fitter uses it only when asked.</summary>
    Quadrature,

    /// <summary>Not derived (a custom term, the zero-inflated negative binomial): the model's <c>HasExpectedInformation</c> is false.</summary>
    None,
}

/// <summary>Which truncations a family's generated code can renormalize for.</summary>
internal enum TruncationForm
{
    /// <summary>None: MLE0024 at the attribute.</summary>
    None,

    /// <summary>Below and above, through the family's log CDF (<see cref="FamilyDescriptor.LogCdf"/>).</summary>
    ByCdf,

    /// <summary>Below only, for a count: y &gt; L with L a whole number (<see cref="FamilyDescriptor.LogSurvivalAbove"/>).</summary>
    DiscreteBelow,
}

/// <summary>
/// The edges of a truncatable family's support as truncation bounds: a lower bound at or below <paramref name="Lower"/>
/// and an upper bound at or above <paramref name="Upper"/> cut nothing off. Such a bound's CDF is then evaluated at a
/// stand-in inside the support instead (<paramref name="InsideLow"/> &lt; <paramref name="InsideHigh"/>), its branch not
/// taken: the second-derivative code multiplies a branch's zero adjoint by the branch's own values, which must be finite.
/// </summary>
/// <param name="Lower">−∞ on the real line, 0 for a positive family, −1 for a count (y &gt; −1 is every count).</param>
/// <param name="Upper">+∞, or 1 for the Beta.</param>
/// <param name="InsideLow">The stand-in for a lower bound that does not cut.</param>
/// <param name="InsideHigh">The stand-in for an upper bound that does not cut, above <paramref name="InsideLow"/>.</param>
internal readonly record struct SupportEdges(double Lower, double Upper, double InsideLow, double InsideHigh);

/// <summary>The entry (A, B) of a family's Fisher information, A ≤ B (the matrix is symmetric).</summary>
internal readonly record struct FisherEntry(int A, int B, Node Value);

/// <summary>
/// Everything the generator knows about one observation family, in one place: its arguments (kinds, domains, lint
/// roles), its full normalized log density as IR, its Fisher information (closed-form entries, or an explicit other
/// form), whether its density has a kink, what its runtime struct offers for fitted values, its support, and
/// whether it can be censored or truncated. Every fact is abstract, so a new family states each one; the registry
/// test (<c>FamilyRegistryTests</c>) checks that the facts agree with each other and with the runtime struct.
/// </summary>
/// <remarks>
/// A new family is a subclass in <c>Families/Descriptors/</c>, a line in <see cref="FamilyRegistry"/>, its member of
/// <see cref="FamilyKind"/>, and its runtime struct in <c>src/MleGen/Families</c> (see docs/internals/generator.md).
/// </remarks>
internal abstract class FamilyDescriptor
{
    /// <summary>The family's enum member (in specs, which are equatable: no descriptor object is kept in the pipeline).</summary>
    public abstract FamilyKind Kind { get; }

    /// <summary>The runtime struct's name in the <c>MleGen</c> namespace.</summary>
    public string TypeName => Kind.ToString();

    /// <summary>The runtime struct's metadata name, by which the parser recognizes it.</summary>
    public string MetadataName => "MleGen." + TypeName;

    /// <summary>The arguments in constructor order.</summary>
    public abstract IReadOnlyList<FamilyArgument> Arguments { get; }

    /// <summary>The kind of observation the family describes.</summary>
    public abstract ObservationSupport Support { get; }

    /// <summary>
    /// The argument that bounds the observation's support (Binomial's trials, a categorical's classes): the runtime's
    /// <c>IsInSupport(y, bound)</c> takes it. −1 when the support is fixed (<c>IsInSupport(y)</c>).
    /// </summary>
    public int SupportBound
    {
        get
        {
            for (int k = 0; k < Arguments.Count; k++)
            {
                if (Arguments[k].Kind == ArgumentKind.Count)
                {
                    return k;
                }
            }

            return -1;
        }
    }

    /// <summary>log p(<paramref name="y"/> | φ) in stable form; <paramref name="y"/> is the observation as read (double, int or bool).</summary>
    public abstract Node LogDensity(IrBuilder b, Node y, FamilyArguments args);

    /// <summary>
    /// log p(<paramref name="y"/> | φ) as the vector NLL and NLL + gradient kernels compute it (their own lowering of the
    /// model, <c>ModelIr.Lower(spec, vectorForms: true)</c>): the same function in a form that is cheaper over vector
    /// lanes and its derivatives, and as accurate; by default <see cref="LogDensity"/>. The scalar kernels, the
    /// information kernels and the runtime's <c>LogDensity</c> keep <see cref="LogDensity"/>.
    /// </summary>
    public virtual Node VectorLogDensity(IrBuilder b, Node y, FamilyArguments args) => LogDensity(b, y, args);

    /// <summary>Where the expected information comes from.</summary>
    public abstract FisherForm Fisher { get; }

    /// <summary>The nonzero entries (a ≤ b) of F(φ) = E[−∂² log p/∂φ∂φᵀ] when <see cref="Fisher"/> is <see cref="FisherForm.Entries"/>.</summary>
    /// <exception cref="InternalErrorException">The family has no closed-form entries.</exception>
    public virtual IReadOnlyList<FisherEntry> FisherEntries(IrBuilder b, IReadOnlyList<Node> phi) =>
        throw new InternalErrorException("the family " + TypeName + " has no closed-form Fisher entries (its information is " + Fisher + ")");

    /// <summary>True when the log density has a kink in its parameters (smoothed by the model's kink smoothing ε).</summary>
    public abstract bool HasKink { get; }

    /// <summary>True when the runtime struct has <c>Mean</c> and <c>Variance</c> (fitted values, Pearson residuals).</summary>
    public abstract bool HasMoments { get; }

    /// <summary>True when the runtime struct has <c>Deviance(y)</c>: the exponential-dispersion (GLM) families.</summary>
    public abstract bool HasDeviance { get; }

    /// <summary>True when the family can be censored: <see cref="LogCdf"/> and its derivatives can be emitted (the runtime struct is an <c>ICensorableFamily</c>).</summary>
    public abstract bool SupportsCensoring { get; }

    /// <summary>Which truncations the family supports.</summary>
    public abstract TruncationForm Truncation { get; }

    /// <summary>
    /// Where a truncation bound is no truncation (<see cref="Truncation"/> not <see cref="TruncationForm.None"/>): the
    /// truncation mass is generated as exactly 0 for a bound at or beyond an edge, never as the CDF's limit there, whose
    /// derivatives can be 0·∞ (log 0 of a Weibull bound of 0, ∂z/∂σ of a normal bound of +∞).
    /// </summary>
    /// <exception cref="InternalErrorException">The family cannot be truncated.</exception>
    public virtual SupportEdges TruncationEdges =>
        throw new InternalErrorException("the family " + TypeName + " cannot be truncated: it has no truncation edges");

    /// <summary>log F(y) (<paramref name="upper"/> false) or log S(y) = log(1 − F(y)) (true), stable in both tails.</summary>
    /// <exception cref="InternalErrorException">The family has no CDF (<see cref="SupportsCensoring"/> false).</exception>
    public virtual Node LogCdf(IrBuilder b, Node y, FamilyArguments args, bool upper) =>
        throw new InternalErrorException("the family " + TypeName + " has no log CDF");

    /// <summary>log P(Y &gt; L) for a count family truncated below at the whole number <paramref name="lower"/>.</summary>
    /// <exception cref="InternalErrorException">The family is not <see cref="TruncationForm.DiscreteBelow"/>.</exception>
    public virtual Node LogSurvivalAbove(IrBuilder b, FamilyArguments args, Node lower) =>
        throw new InternalErrorException("the family " + TypeName + " has no discrete survival function");

    /// <summary>The family that takes the logit of this family's probability argument, or null (the lint's MLE0107 fix).</summary>
    public virtual FamilyKind? LogitForm => null;

    /// <summary>The fused forms the lint suggests (MLE0108): Poisson(exp η) → PoissonLog(η), …</summary>
    public virtual IReadOnlyList<FusedForm> FusedForms => [];
}

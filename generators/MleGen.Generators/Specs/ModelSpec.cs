using MleGen.Generators.Common;

namespace MleGen.Generators.Specs;

/// <summary>
/// Everything the emitter needs to know about one model, as plain values: no symbols, syntax nodes,
/// locations or compilations, so the incremental pipeline can cache it.
/// </summary>
/// <param name="Namespace">The containing namespace, or empty for the global namespace.</param>
/// <param name="TypeName">The model class's name.</param>
/// <param name="ContainingTypes">Outer types of a nested model, outermost first.</param>
/// <param name="Data">The <c>[Data]</c> members in declaration order.</param>
/// <param name="Parameters">The <c>[Param]</c> members in declaration order (the order of θ).</param>
/// <param name="Likelihoods">The <c>[Likelihood]</c> terms in declaration order.</param>
internal sealed record ModelSpec(
    string Namespace,
    string TypeName,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    EquatableArray<DataMemberSpec> Data,
    EquatableArray<ParamMemberSpec> Parameters,
    EquatableArray<LikelihoodSpec> Likelihoods)
{
    /// <summary>The model type's keyword: <c>class</c>, or <c>record</c> for a record class.</summary>
    public string TypeKeyword { get; init; } = "class";

    /// <summary>The <c>[Derived]</c> properties in declaration order.</summary>
    public EquatableArray<DerivedSpec> Derived { get; init; } = EquatableArray<DerivedSpec>.Empty;

    /// <summary>The user's names for subexpressions (helpers, <c>var</c> locals), first name first: the generated locals take them.</summary>
    public EquatableArray<NamedSpec> Names { get; init; } = EquatableArray<NamedSpec>.Empty;
}

/// <summary>A subexpression the user named: the result of helper <c>Mean(i)</c> (name <c>Mean</c>) or <c>var eta = …;</c>.</summary>
internal sealed record NamedSpec(string Name, ExprSpec Value);

/// <summary>A <c>[Derived] double Name => expression;</c> property: a function of the parameters (and scalar data).</summary>
internal sealed record DerivedSpec(string Name, ExprSpec Expression);

/// <summary>An outer type of a nested model: its keyword (<c>class</c>, <c>struct</c>, <c>record</c>, <c>record struct</c>, <c>interface</c>) and name.</summary>
internal sealed record ContainingTypeSpec(string Keyword, string Name);

/// <summary>The shape of a <c>[Data]</c> member.</summary>
internal enum DataKind
{
    Double,
    Int,
    DoubleArray,
    IntArray,
    BoolArray,
    DoubleMatrix,
}

/// <summary>A <c>[Data]</c> field or property.</summary>
internal sealed record DataMemberSpec(string Name, DataKind Kind);

/// <summary>The shape of a <c>[Param]</c> field.</summary>
internal enum ParamShape
{
    Scalar,
    Vector,
    Matrix,
}

/// <summary>A <c>[Param]</c> field or property with its constraints and priors.</summary>
/// <param name="Name">The member's name in source (what generated code reads and writes).</param>
/// <param name="Lower">Lower bound, <see cref="double.NegativeInfinity"/> when none.</param>
/// <param name="Upper">Upper bound, <see cref="double.PositiveInfinity"/> when none.</param>
/// <param name="DisplayName">The reported name: <paramref name="Name"/> without leading underscores, first letter capitalized (<c>_mu</c> → <c>Mu</c>).</param>
/// <param name="Names">The <c>string[]</c> member naming a vector's elements (<c>[Param(Names = nameof(Columns))]</c>), or null.</param>
internal sealed record ParamMemberSpec(
    string Name,
    ParamShape Shape,
    double Lower,
    double Upper,
    bool Simplex,
    EquatableArray<PriorSpec> Priors,
    string DisplayName,
    string? Names = null)
{
    /// <summary>True for <c>[Param(Ordered = true)]</c>: a strictly increasing vector (first member free, then log increments).</summary>
    public bool Ordered { get; init; }
}

/// <summary>The prior attributes.</summary>
internal enum PriorKind
{
    Normal,
    Laplace,
    Cauchy,
    HalfNormal,
    Gamma,
    L2,
    L1,
    ElasticNet,
}

/// <summary>One prior attribute with its (up to two) constructor arguments in declaration order.</summary>
internal sealed record PriorSpec(PriorKind Kind, double First, double Second);

/// <summary>The observation families of the model language.</summary>
internal enum FamilyKind
{
    Normal,
    Laplace,
    StudentT,
    Cauchy,
    LogNormal,
    Exponential,
    Gamma,
    Weibull,
    Beta,
    Bernoulli,
    BernoulliLogit,
    BernoulliProbit,
    Binomial,
    BinomialLogit,
    Poisson,
    PoissonLog,
    NegativeBinomial,
    CategoricalLogits,
    NormalMixture,
    Gumbel,
    OrderedLogistic,
    ZeroInflatedPoisson,
    ZeroInflatedNegativeBinomial,

    /// <summary>
    /// Not a family: a <c>[LogLikelihood]</c> term, whose single argument is the log-likelihood contribution itself
    /// (of row i, or once). Its descriptor (<c>CustomTermFamily</c>) only states that none of the family facts apply.
    /// </summary>
    Custom,
}

/// <summary>
/// One <c>[Likelihood(nameof(Observed))]</c> method: Σᵢ wᵢ·log p(Observed[i] | Family(Arguments(i))).
/// The arguments are the family constructor's arguments in order, with helpers and locals inlined.
/// <c>CategoricalLogits.Of(K, k => …)</c> has two: the class count and a <see cref="LambdaSpec"/>.
/// <c>NormalMixture(w, m, s)</c> has three <see cref="MemberVectorSpec"/>s.
/// </summary>
internal sealed record LikelihoodSpec(
    string MethodName,
    string Observed,
    string? Weights,
    FamilyKind Family,
    EquatableArray<ExprSpec> Arguments)
{
    /// <summary>The <c>[Data] bool[]</c> flags of right-censored observations (they contribute log S(y)), or null.</summary>
    public string? RightCensored { get; init; }

    /// <summary>The <c>[Data] bool[]</c> flags of left-censored observations (they contribute log F(y)), or null.</summary>
    public string? LeftCensored { get; init; }

    /// <summary>True when some observations contribute a log CDF or log survival instead of the log density.</summary>
    public bool IsCensored => RightCensored is not null || LeftCensored is not null;

    /// <summary>The <c>[Data] double</c> or <c>double[]</c> lower truncation bound (observations lie above it), or null.</summary>
    public string? TruncatedBelow { get; init; }

    /// <summary>The <c>[Data] double</c> or <c>double[]</c> upper truncation bound (observations lie at or below it), or null.</summary>
    public string? TruncatedAbove { get; init; }

    /// <summary>True when the density is renormalized by the probability of the allowed region.</summary>
    public bool IsTruncated => TruncatedBelow is not null || TruncatedAbove is not null;

    /// <summary>True for a <c>[LogLikelihood]</c> term: <see cref="LikelihoodSpec.Arguments"/> holds its one expression, added as is.</summary>
    public bool IsCustom => Family == FamilyKind.Custom;

    /// <summary>True for a <c>[LogLikelihood] double Term()</c>: one term, no rows (<see cref="LikelihoodSpec.Observed"/> is empty).</summary>
    public bool IsSingle => Observed.Length == 0;
}

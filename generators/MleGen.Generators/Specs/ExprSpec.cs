using MleGen.Generators.Common;

namespace MleGen.Generators.Specs;

/// <summary>The static type of an expression, following C#'s rules (int arithmetic stays int).</summary>
internal enum ScalarType
{
    Double,
    Int,
    Bool,
}

/// <summary>
/// An expression of the model language as a value DAG. The parser inlines helper methods and
/// <c>var</c> locals, makes implicit int → double conversions explicit (<see cref="ConvertSpec"/>)
/// and lowers <c>Dot</c> to a <see cref="ReductionSpec"/>. A local or a helper result used twice is
/// one shared object (inlining is memoized), so a spec can be exponentially larger as a tree than as
/// a DAG: the composite specs cache their hash and compare through <see cref="SpecEquality"/>, both
/// linear in the number of distinct nodes. Never use <c>with</c> on a composite spec (the cached hash would go stale).
/// </summary>
internal abstract record ExprSpec;

/// <summary>A numeric literal or constant (<c>Math.PI</c>, a <c>const</c>).</summary>
internal sealed record ConstantSpec(double Value, ScalarType Type) : ExprSpec;

/// <summary>The observation index of the likelihood method (<c>i</c>), an int.</summary>
internal sealed record ObservationIndexSpec : ExprSpec;

/// <summary>A lambda parameter of <c>Sum</c>, <c>LogSumExp</c> or <c>CategoricalLogits.Of</c>, an int.</summary>
internal sealed record VariableSpec(string Name) : ExprSpec;

/// <summary>A read of a <c>[Data]</c> member: no indices for a scalar, one for a vector, two for a matrix.</summary>
internal sealed record DataReadSpec(string Member, EquatableArray<ExprSpec> Indices, ScalarType Type) : ExprSpec
{
    private readonly int _hash = SpecEquality.Hash(1, Member.GetHashCode(), Indices.GetHashCode(), (int)Type);

    public override int GetHashCode() => _hash;

    public bool Equals(DataReadSpec? other) => SpecEquality.Equal(this, other);
}

/// <summary>A read of a <c>[Param]</c> member: no indices for a scalar, one for a vector, two for a matrix.</summary>
internal sealed record ParamReadSpec(string Member, EquatableArray<ExprSpec> Indices) : ExprSpec
{
    private readonly int _hash = SpecEquality.Hash(2, Member.GetHashCode(), Indices.GetHashCode(), 0);

    public override int GetHashCode() => _hash;

    public bool Equals(ParamReadSpec? other) => SpecEquality.Equal(this, other);
}

/// <summary><c>Member.Length</c> (<paramref name="Dimension"/> = −1) or <c>Member.GetLength(d)</c>, of a data or parameter member, an int.</summary>
internal sealed record LengthSpec(string Member, int Dimension) : ExprSpec;

/// <summary>A whole vector member passed as a family argument (<c>NormalMixture(W, Mu, Sd)</c>).</summary>
internal sealed record MemberVectorSpec(string Member, bool IsParameter) : ExprSpec;

/// <summary>An int → double conversion.</summary>
internal sealed record ConvertSpec(ExprSpec Operand) : ExprSpec
{
    private readonly int _hash = SpecEquality.Hash(3, Operand.GetHashCode(), 0, 0);

    public override int GetHashCode() => _hash;

    public bool Equals(ConvertSpec? other) => SpecEquality.Equal(this, other);
}

/// <summary>Unary operators and one-argument intrinsics.</summary>
internal enum UnaryOp
{
    Negate,
    Not,
    Exp,
    Log,
    Sqrt,
    Tanh,
    Sin,
    Cos,
    Abs,
    Logistic,
    Softplus,
    Log1p,
    Expm1,
    Square,
    Phi,
    LogPhi,
    LogGamma,

    // Internal ops, produced by the family table and the differentiator (never by the parser).
    /// <summary>sign(x) ∈ {−1, 0, 1}: the derivative of |x|.</summary>
    Sign,
    /// <summary>ψ(x), the derivative of log Γ.</summary>
    Digamma,
    /// <summary>ψ′(x).</summary>
    Trigamma,
    /// <summary>φ(x)/Φ(x), the derivative of log Φ (inverse Mills ratio).</summary>
    NormalPdfRatio,
    /// <summary>φ(x), the standard normal density.</summary>
    NormalPdf,
    /// <summary>1/x.</summary>
    Reciprocal,
    /// <summary>log(1 − e^−x) for x ≥ 0 (a log CDF of the Exponential and Weibull families), stable at both ends.</summary>
    Log1mExp,
    /// <summary>1/(eˣ − 1), the derivative of <see cref="Log1mExp"/>.</summary>
    InverseExpm1,
    /// <summary>log F(z) of the standard Laplace distribution.</summary>
    LaplaceLogCdf,
    /// <summary>f(z)/F(z) of the standard Laplace distribution, the derivative of <see cref="LaplaceLogCdf"/>.</summary>
    LaplaceCdfRatio,
    /// <summary>log F(z) of the standard Cauchy distribution, stable in both tails.</summary>
    CauchyLogCdf,
    /// <summary>f(z)/F(z) of the standard Cauchy distribution, the derivative of <see cref="CauchyLogCdf"/>.</summary>
    CauchyCdfRatio,
}

/// <summary>A unary operator or intrinsic call; <see cref="ScalarType"/> is the result's type.</summary>
internal sealed record UnarySpec(UnaryOp Op, ExprSpec Operand, ScalarType Type) : ExprSpec
{
    private readonly int _hash = SpecEquality.Hash(4 + 16 * (int)Op, Operand.GetHashCode(), (int)Type, 0);

    public override int GetHashCode() => _hash;

    public bool Equals(UnarySpec? other) => SpecEquality.Equal(this, other);
}

/// <summary>
/// Three-argument intrinsics, produced only by family descriptors and the differentiator (never parsed): the Beta family's
/// incomplete beta, whose third argument (the point x, an observation or a truncation bound) is always data.
/// </summary>
internal enum TernaryOp
{
    /// <summary>log I_x(a, b), the Beta family's log CDF (the log regularized incomplete beta), (a, b, x); x is data.</summary>
    BetaLogCdf,

    /// <summary>∂ BetaLogCdf/∂a, (a, b, x).</summary>
    BetaLogCdfA,

    /// <summary>∂ BetaLogCdf/∂b, (a, b, x).</summary>
    BetaLogCdfB,

    /// <summary>∂² BetaLogCdf/∂a², (a, b, x).</summary>
    BetaLogCdfAA,

    /// <summary>∂² BetaLogCdf/∂a∂b, (a, b, x).</summary>
    BetaLogCdfAB,

    /// <summary>∂² BetaLogCdf/∂b², (a, b, x).</summary>
    BetaLogCdfBB,

    /// <summary>log(1 − I_x(a, b)), the Beta family's log survival function, (a, b, x); x is data.</summary>
    BetaLogCcdf,

    /// <summary>∂ BetaLogCcdf/∂a, (a, b, x).</summary>
    BetaLogCcdfA,

    /// <summary>∂ BetaLogCcdf/∂b, (a, b, x).</summary>
    BetaLogCcdfB,

    /// <summary>∂² BetaLogCcdf/∂a², (a, b, x).</summary>
    BetaLogCcdfAA,

    /// <summary>∂² BetaLogCcdf/∂a∂b, (a, b, x).</summary>
    BetaLogCcdfAB,

    /// <summary>∂² BetaLogCcdf/∂b², (a, b, x).</summary>
    BetaLogCcdfBB,
}

/// <summary>Binary operators and two-argument intrinsics.</summary>
internal enum BinaryOp
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
    Pow,
    LogSumExp,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    And,
    Or,

    // Internal ops, produced by the family table (never by the parser).
    /// <summary>The negative binomial's Fisher information for its dispersion at (mean, dispersion): a series the runtime sums.</summary>
    NegativeBinomialDispersionInformation,

    /// <summary>|z| smoothed at the kink: √(z² + ε²) − ε for ε &gt; 0, |z| for ε = 0 (the Laplace family, with ε the model's kink smoothing).</summary>
    SmoothAbs,

    /// <summary>d SmoothAbs/dz: z/√(z² + ε²), or sign z for ε = 0.</summary>
    SmoothSign,

    /// <summary>d SmoothSign/dz: ε²/(z² + ε²)^{3/2}, or 0 for ε = 0.</summary>
    SmoothSignDerivative,

    /// <summary>log P(Y &gt; L) for Y ~ Poisson(λ), (L, λ): the log regularized lower incomplete gamma log P(L + 1, λ).</summary>
    PoissonLogSurvival,

    /// <summary>d PoissonLogSurvival/dλ = p(L; λ)/P(Y &gt; L), (L, λ).</summary>
    PoissonSurvivalRatio,

    /// <summary>log Γ(y + φ) − log Γ(φ), (y, φ): the negative binomial's count term, stable at a large φ.</summary>
    LogGammaDifference,

    /// <summary>ψ(y + φ) − ψ(φ), (y, φ): d LogGammaDifference/dφ.</summary>
    DigammaDifference,

    /// <summary>ψ′(y + φ) − ψ′(φ), (y, φ): d DigammaDifference/dφ.</summary>
    TrigammaDifference,

    /// <summary>log P(α, x), (α, x): the Gamma family's log CDF at x = rate·y (log regularized lower incomplete gamma).</summary>
    GammaLogCdf,

    /// <summary>f(x)/P(α, x), (α, x): ∂ GammaLogCdf/∂x, f the Gamma(α, 1) density.</summary>
    GammaCdfRatio,

    /// <summary>∂ GammaLogCdf/∂α, (α, x).</summary>
    GammaLogCdfShape,

    /// <summary>∂² GammaLogCdf/∂α², (α, x).</summary>
    GammaLogCdfShape2,

    /// <summary>log Q(α, x), (α, x): the Gamma family's log survival function at x = rate·y.</summary>
    GammaLogCcdf,

    /// <summary>f(x)/Q(α, x), (α, x): −∂ GammaLogCcdf/∂x (the hazard).</summary>
    GammaCcdfRatio,

    /// <summary>∂ GammaLogCcdf/∂α, (α, x).</summary>
    GammaLogCcdfShape,

    /// <summary>∂² GammaLogCcdf/∂α², (α, x).</summary>
    GammaLogCcdfShape2,

    /// <summary>log F(z; ν) of the standard Student t distribution, (ν, z), stable in both tails; ν = +∞ is log Φ(z).</summary>
    StudentTLogCdf,

    /// <summary>∂ StudentTLogCdf/∂ν at fixed z, (ν, z).</summary>
    StudentTLogCdfNu,

    /// <summary>∂² StudentTLogCdf/∂ν², (ν, z).</summary>
    StudentTLogCdfNu2,

    /// <summary>f(z; ν)/F(z; ν), (ν, z): ∂ StudentTLogCdf/∂z.</summary>
    StudentTCdfRatio,

    /// <summary>∂ StudentTCdfRatio/∂z, (ν, z).</summary>
    StudentTCdfRatioZ,

    /// <summary>∂ StudentTCdfRatio/∂ν = ∂² StudentTLogCdf/∂ν∂z, (ν, z).</summary>
    StudentTCdfRatioNu,
}

/// <summary>A binary operator or two-argument intrinsic; <see cref="ScalarType"/> is the result's type (Int for int arithmetic).</summary>
internal sealed record BinarySpec(BinaryOp Op, ExprSpec Left, ExprSpec Right, ScalarType Type) : ExprSpec
{
    private readonly int _hash = SpecEquality.Hash(5 + 16 * (int)Op, Left.GetHashCode(), Right.GetHashCode(), (int)Type);

    public override int GetHashCode() => _hash;

    public bool Equals(BinarySpec? other) => SpecEquality.Equal(this, other);
}

/// <summary><c>condition ? whenTrue : whenFalse</c>; the condition reads only data and indices.</summary>
internal sealed record ConditionalSpec(ExprSpec Condition, ExprSpec WhenTrue, ExprSpec WhenFalse, ScalarType Type) : ExprSpec
{
    private readonly int _hash = SpecEquality.Hash(6 + 16 * (int)Type, Condition.GetHashCode(), WhenTrue.GetHashCode(), WhenFalse.GetHashCode());

    public override int GetHashCode() => _hash;

    public bool Equals(ConditionalSpec? other) => SpecEquality.Equal(this, other);
}

/// <summary>The reductions over a lambda index.</summary>
internal enum ReductionKind
{
    /// <summary><c>Sum(count, j => body)</c>.</summary>
    Sum,

    /// <summary><c>LogSumExp(count, j => body)</c> = log Σⱼ exp(body).</summary>
    LogSumExp,
}

/// <summary><c>Sum(count, j => body)</c> or <c>LogSumExp(count, j => body)</c>, j = 0 … count−1.</summary>
internal sealed record ReductionSpec(ReductionKind Kind, ExprSpec Count, string Variable, ExprSpec Body) : ExprSpec
{
    private readonly int _hash = SpecEquality.Hash(7 + 16 * (int)Kind, Count.GetHashCode(), Variable.GetHashCode(), Body.GetHashCode());

    public override int GetHashCode() => _hash;

    public bool Equals(ReductionSpec? other) => SpecEquality.Equal(this, other);
}

/// <summary>The logit lambda of <c>CategoricalLogits.Of(K, k => body)</c>.</summary>
internal sealed record LambdaSpec(string Variable, ExprSpec Body) : ExprSpec
{
    private readonly int _hash = SpecEquality.Hash(8, Variable.GetHashCode(), Body.GetHashCode(), 0);

    public override int GetHashCode() => _hash;

    public bool Equals(LambdaSpec? other) => SpecEquality.Equal(this, other);
}

using System;

namespace MleGen;

/// <summary>
/// Marks a <c>partial class</c> as a statistical model. The MleGen source generator compiles its
/// <see cref="DataAttribute"/>, <see cref="ParamAttribute"/> and <see cref="LikelihoodAttribute"/>
/// members into a negative log-likelihood with its exact derivatives and an implementation of
/// <see cref="IMleModel"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class ModelAttribute : Attribute
{
}

/// <summary>
/// Marks a field or property as observed data: <c>double</c>, <c>int</c>, <c>double[]</c>,
/// <c>int[]</c>, <c>bool[]</c> or <c>double[,]</c>. Data are validated once per evaluation set
/// (no NaN or infinite values, matching lengths, observations inside the family's support).
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class DataAttribute : Attribute
{
}

/// <summary>
/// Marks a field or property as an estimated parameter: <c>double</c>, <c>double[]</c> or <c>double[,]</c>,
/// public or private (a property needs a getter; a scalar one a setter that is not <c>init</c>-only).
/// Its current value is the start value of a fit; a vector's or matrix's current shape fixes the
/// number of parameters. Parameters are named after the member, <c>Beta[0]</c>, <c>W[1,2]</c> (0-based); a
/// leading underscore is dropped and the next letter capitalized (<c>_mu</c> is reported as <c>Mu</c>,
/// <c>_beta[0]</c> as <c>Beta[0]</c>). <see cref="Names"/> gives a vector's elements names of their own.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class ParamAttribute : Attribute
{
    /// <summary>Lower bound (exclusive) on the natural scale; <see cref="double.NegativeInfinity"/> for none.</summary>
    public double Lower { get; set; } = double.NegativeInfinity;

    /// <summary>Upper bound (exclusive) on the natural scale; <see cref="double.PositiveInfinity"/> for none.</summary>
    public double Upper { get; set; } = double.PositiveInfinity;

    /// <summary>When true, a <c>double[]</c> parameter lies on the probability simplex (non-negative, summing to one).</summary>
    public bool Simplex { get; set; }

    /// <summary>
    /// When true, a <c>double[]</c> parameter is strictly increasing (cut-points of <see cref="OrderedLogistic"/>): it is
    /// optimized as its first member and the logarithms of its increments. Its start values must be strictly increasing
    /// (else the fit throws, naming the member and index). Not combined with bounds or <see cref="Simplex"/>.
    /// </summary>
    public bool Ordered { get; set; }

    /// <summary>
    /// The name of a <c>string[]</c> field or property of the model (use <c>nameof</c>) whose elements name this
    /// <c>double[]</c> parameter's elements in every report, lookup and message: with
    /// <c>[Param(Names = nameof(Columns))] double[] Beta</c> and <c>Columns = ["age", "dose"]</c>, <c>Beta[1]</c> is
    /// reported and found as <c>"dose"</c> (<c>fit["dose"]</c>, <c>fit.ProfileInterval("dose")</c>,
    /// <see cref="FitOptions.Fixed"/>). At fit time the names must be as many as the elements, non-empty and unique
    /// among all the model's parameter names.
    /// </summary>
    public string? Names { get; set; }
}

/// <summary>
/// Marks a read-only <c>double</c> property as a derived quantity: a function of the parameters written in the model
/// language (<c>[Derived] double HalfLife => Math.Log(2) / Rate;</c>). After a fit, <c>fit.Derived["HalfLife"]</c> is its
/// estimate at θ̂ with a delta-method standard error (the exact gradient of the expression, generated) and a Wald
/// interval; the summary prints a "Derived quantities" block.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class DerivedAttribute : Attribute
{
}

/// <summary>
/// Marks a method returning <c>double</c> as a custom term added to the log-likelihood, written in the model language:
/// <c>[LogLikelihood(nameof(Y))] double Term(int i) => …;</c> adds Σᵢ Term(i) over the rows of <c>Y</c> (i = 0 … Y.Length − 1),
/// and <c>[LogLikelihood] double Term() => …;</c> adds one term. The generator differentiates the expression exactly
/// (gradient, Hessian, scores per row), like a family's log density; the expected information of such a term is not
/// available (<see cref="IMleModel.HasExpectedInformation"/> is false: Fisher scoring and
/// <see cref="CovarianceKind.Expected"/> are errors, the observed information is used).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class LogLikelihoodAttribute : Attribute
{
    /// <summary>Creates a single term: the method takes no parameters and is added once.</summary>
    public LogLikelihoodAttribute()
    {
    }

    /// <summary>Creates a term per row of <paramref name="rows"/>: the method takes the row index <c>int i</c>.</summary>
    /// <param name="rows">The name of a <see cref="DataAttribute"/> array whose length is the number of rows (use <c>nameof</c>).</param>
    public LogLikelihoodAttribute(string rows) => Rows = rows;

    /// <summary>The name of the <see cref="DataAttribute"/> array the term runs over, or null for a single term.</summary>
    public string? Rows { get; }
}

/// <summary>
/// Marks a method <c>Family Name(int i)</c> as one likelihood term: Σᵢ log p(Observed[i] | family(i)).
/// Several terms add up.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class LikelihoodAttribute : Attribute
{
    /// <summary>Creates a likelihood term for the observations in <paramref name="observed"/>.</summary>
    /// <param name="observed">The name of the <see cref="DataAttribute"/> member holding the observations (use <c>nameof</c>).</param>
    public LikelihoodAttribute(string observed) => Observed = observed;

    /// <summary>The name of the <see cref="DataAttribute"/> member holding the observations.</summary>
    public string Observed { get; }

    /// <summary>Optional name of a <c>double[]</c> data member; term i is multiplied by <c>Weights[i]</c>.</summary>
    public string? Weights { get; set; }

    /// <summary>
    /// Optional name of a <c>[Data] bool[]</c> member (one flag per observation): where it is true the observation is
    /// right-censored (only known to exceed the observed value) and contributes log S(y) = log(1 − F(y)) instead of the
    /// log density. For the continuous families with an exact, differentiable CDF (Normal, LogNormal, Laplace, Cauchy,
    /// Exponential, Weibull, Gumbel).
    /// </summary>
    public string? RightCensored { get; set; }

    /// <summary>
    /// Optional name of a <c>[Data] bool[]</c> member: where it is true the observation is left-censored (only known to
    /// be at most the observed value, e.g. below a detection limit) and contributes log F(y). Same families as
    /// <see cref="RightCensored"/>; an observation flagged in both is right-censored.
    /// </summary>
    public string? LeftCensored { get; set; }

    /// <summary>
    /// Optional name of a <c>[Data] double</c> or <c>double[]</c> member L: the observations are truncated below at L (only
    /// values above L are ever recorded), so the density is renormalized by P(Y &gt; L). For a continuous family with a
    /// CDF (see <see cref="RightCensored"/>), and for Poisson and PoissonLog, where below means y &gt; L: a zero-truncated
    /// Poisson is <c>TruncatedBelow</c> at 0.
    /// </summary>
    public string? TruncatedBelow { get; set; }

    /// <summary>
    /// Optional name of a <c>[Data] double</c> or <c>double[]</c> member U: only values at most U are recorded, and the
    /// density is renormalized by P(Y ≤ U). For the continuous families with a CDF.
    /// </summary>
    public string? TruncatedAbove { get; set; }
}

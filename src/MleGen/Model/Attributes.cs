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
}

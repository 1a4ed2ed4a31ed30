using System;

namespace MleGen;

/// <summary>Base class of the prior attributes. A prior on a <see cref="ParamAttribute"/> member makes the fit MAP; on a vector it applies elementwise.</summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false, AllowMultiple = true)]
public abstract class PriorAttribute : Attribute
{
}

/// <summary>A normal prior N(<paramref name="mean"/>, <paramref name="sd"/>²).</summary>
/// <param name="mean">Prior mean.</param>
/// <param name="sd">Prior standard deviation (&gt; 0).</param>
[AttributeUsage(AttributeTargets.Field, Inherited = false, AllowMultiple = false)]
public sealed class NormalPriorAttribute(double mean, double sd) : PriorAttribute
{
    /// <summary>Prior mean.</summary>
    public double Mean { get; } = mean;
    /// <summary>Prior standard deviation.</summary>
    public double StandardDeviation { get; } = sd;
}

/// <summary>A Laplace prior (lasso-like): density exp(−|θ − location|/scale)/(2·scale). Non-smooth at the location.</summary>
/// <param name="location">Prior location.</param>
/// <param name="scale">Prior scale (&gt; 0).</param>
[AttributeUsage(AttributeTargets.Field, Inherited = false, AllowMultiple = false)]
public sealed class LaplacePriorAttribute(double location, double scale) : PriorAttribute
{
    /// <summary>Prior location.</summary>
    public double Location { get; } = location;
    /// <summary>Prior scale.</summary>
    public double Scale { get; } = scale;
}

/// <summary>A Cauchy prior with the given location and scale.</summary>
/// <param name="location">Prior location.</param>
/// <param name="scale">Prior scale (&gt; 0).</param>
[AttributeUsage(AttributeTargets.Field, Inherited = false, AllowMultiple = false)]
public sealed class CauchyPriorAttribute(double location, double scale) : PriorAttribute
{
    /// <summary>Prior location.</summary>
    public double Location { get; } = location;
    /// <summary>Prior scale.</summary>
    public double Scale { get; } = scale;
}

/// <summary>A half-normal prior on θ ≥ 0 with the given standard deviation.</summary>
/// <param name="sd">Standard deviation of the underlying normal (&gt; 0).</param>
[AttributeUsage(AttributeTargets.Field, Inherited = false, AllowMultiple = false)]
public sealed class HalfNormalPriorAttribute(double sd) : PriorAttribute
{
    /// <summary>Standard deviation of the underlying normal.</summary>
    public double StandardDeviation { get; } = sd;
}

/// <summary>A gamma prior on θ &gt; 0 with the given shape and rate.</summary>
/// <param name="shape">Shape (&gt; 0).</param>
/// <param name="rate">Rate (&gt; 0).</param>
[AttributeUsage(AttributeTargets.Field, Inherited = false, AllowMultiple = false)]
public sealed class GammaPriorAttribute(double shape, double rate) : PriorAttribute
{
    /// <summary>Shape.</summary>
    public double Shape { get; } = shape;
    /// <summary>Rate.</summary>
    public double Rate { get; } = rate;
}

/// <summary>L2 penalty (weight decay) λ/2·θ²: a normal prior N(0, 1/λ) up to a constant.</summary>
/// <param name="lambda">Penalty weight (≥ 0).</param>
[AttributeUsage(AttributeTargets.Field, Inherited = false, AllowMultiple = false)]
public sealed class L2Attribute(double lambda) : PriorAttribute
{
    /// <summary>Penalty weight.</summary>
    public double Lambda { get; } = lambda;
}

/// <summary>L1 penalty (lasso) λ·|θ|: a Laplace prior with scale 1/λ up to a constant. Non-smooth: fits use OWL-QN.</summary>
/// <param name="lambda">Penalty weight (≥ 0).</param>
[AttributeUsage(AttributeTargets.Field, Inherited = false, AllowMultiple = false)]
public sealed class L1Attribute(double lambda) : PriorAttribute
{
    /// <summary>Penalty weight.</summary>
    public double Lambda { get; } = lambda;
}

/// <summary>Elastic net λ·(l1Ratio·|θ| + (1 − l1Ratio)/2·θ²).</summary>
/// <param name="lambda">Overall penalty weight (≥ 0).</param>
/// <param name="l1Ratio">Share of the L1 part, in [0, 1].</param>
[AttributeUsage(AttributeTargets.Field, Inherited = false, AllowMultiple = false)]
public sealed class ElasticNetAttribute(double lambda, double l1Ratio) : PriorAttribute
{
    /// <summary>Overall penalty weight.</summary>
    public double Lambda { get; } = lambda;
    /// <summary>Share of the L1 part.</summary>
    public double L1Ratio { get; } = l1Ratio;
}

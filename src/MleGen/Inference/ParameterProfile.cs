using System;
using System.Collections.Generic;

namespace MleGen;

/// <summary>
/// The profile likelihood of one parameter: its points (the likelihood-ratio statistic
/// 2(ℓ̂ − max ℓ | θⱼ = t) at values t, every other free parameter re-maximized), the χ²₁ threshold at
/// <see cref="ConfidenceLevel"/> and the profile interval where the curve crosses it. Made by
/// <see cref="FitResult.Profile(string, int)"/>; MleGen.Plots draws it.
/// </summary>
public sealed class ParameterProfile
{
    private readonly ProfilePoint[] _points;

    internal ParameterProfile(string name, double estimate, double level, double threshold, double lower, double upper, ProfilePoint[] points)
    {
        Name = name;
        Estimate = estimate;
        ConfidenceLevel = level;
        Threshold = threshold;
        Lower = lower;
        Upper = upper;
        _points = points;
    }

    /// <summary>The parameter's name.</summary>
    public string Name { get; }

    /// <summary>θ̂ⱼ, where the statistic is 0.</summary>
    public double Estimate { get; }

    /// <summary>The interval's confidence level.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>χ²₁(<see cref="ConfidenceLevel"/>), 3.841… at 95 %: the interval is where the statistic is at most this.</summary>
    public double Threshold { get; }

    /// <summary>The interval's lower end (the parameter's bound, or −∞, when the profile never reaches the threshold on that side).</summary>
    public double Lower { get; }

    /// <summary>The interval's upper end (the parameter's bound, or +∞, when the profile never reaches the threshold on that side).</summary>
    public double Upper { get; }

    /// <summary>The points of the curve in ascending value, the estimate and the finite interval ends among them; they reach a little beyond the interval.</summary>
    public IReadOnlyList<ProfilePoint> Points => _points;
}

/// <summary>One point of a <see cref="ParameterProfile"/>.</summary>
/// <param name="Value">t, the value the parameter is held at.</param>
/// <param name="Statistic">The likelihood-ratio statistic 2(ℓ̂ − max ℓ | θⱼ = t) ≥ 0 (for MAP fits, of the log posterior).</param>
public readonly record struct ProfilePoint(double Value, double Statistic)
{
    /// <summary>The signed root sign(t − θ̂)·√statistic, R's <c>profile()</c> z: a straight line when the likelihood is quadratic (Wald and profile intervals agree).</summary>
    /// <param name="estimate">θ̂, the profile's <see cref="ParameterProfile.Estimate"/>.</param>
    public double SignedRoot(double estimate) => Math.Sign(Value - estimate) * Math.Sqrt(Math.Max(0, Statistic));
}

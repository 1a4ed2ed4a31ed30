using System;

namespace MleGen;

/// <summary>
/// The Gumbel (maximum extreme value) observation model with location μ and scale σ: density
/// exp(−z − e^−z)/σ with z = (y − μ)/σ, as R's <c>evd::dgumbel</c> and <c>ordinal::dgumbel(max = TRUE)</c>.
/// The law of maxima (annual floods, peak loads); −y is a minimum Gumbel, and log of a Weibull variable is one.
/// </summary>
public readonly struct Gumbel : ICensorableFamily, IFamilySupport
{
    /// <summary>Creates the Gumbel distribution.</summary>
    /// <param name="location">The location μ (the mode); finite.</param>
    /// <param name="scale">The scale σ; positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range or NaN.</exception>
    public Gumbel(double location, double scale)
    {
        FamilyArguments.ThrowIfNotFinite(location);
        FamilyArguments.ThrowIfNotPositive(scale);
        Location = location;
        Scale = scale;
    }

    /// <summary>The location μ (the mode).</summary>
    public double Location { get; }

    /// <summary>The scale σ.</summary>
    public double Scale { get; }

    /// <summary>The observed value is any real number.</summary>
    public static string SupportDescription => "a finite real number";

    /// <summary>True when <paramref name="y"/> is finite.</summary>
    public static bool IsInSupport(double y) => double.IsFinite(y);

    /// <summary>−log σ − z − e^−z, z = (y − μ)/σ; −∞ for a non-finite <paramref name="y"/> (and where e^−z overflows).</summary>
    public double LogDensity(double y)
    {
        if (!(Scale > 0))
        {
            return double.NaN; // default(Gumbel): there are no valid parameters
        }

        if (!IsInSupport(y))
        {
            return double.NegativeInfinity;
        }

        double z = (y - Location) / Scale;
        return -Math.Log(Scale) - z - Math.Exp(-z);
    }

    /// <summary>The mean μ + γσ (γ the Euler–Mascheroni constant).</summary>
    public double Mean => Location + (EulerGamma * Scale);

    /// <summary>The variance π²σ²/6.</summary>
    public double Variance => Math.PI * Math.PI * Scale * Scale / 6;

    /// <summary>log F(y) = −e^−z, exact in both tails (−∞ where e^−z overflows).</summary>
    public double LogCdf(double y) => -Math.Exp(-(y - Location) / Scale);

    /// <summary>log(1 − F(y)) = log(1 − exp(−e^−z)), by <see cref="Functions.Log1mExp"/> (exact for small and large e^−z).</summary>
    public double LogCcdf(double y) => Functions.Log1mExp(Math.Exp(-(y - Location) / Scale));

    /// <summary>γ, the Euler–Mascheroni constant (the mean of a standard Gumbel).</summary>
    private const double EulerGamma = 0.57721566490153286060651209008240;
}

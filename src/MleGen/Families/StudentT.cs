namespace MleGen;

/// <summary>The location-scale Student t observation model: a heavy-tailed, robust alternative to <see cref="Normal"/>.</summary>
public readonly struct StudentT : ICensorableFamily, IFamilySupport
{
    /// <summary>Creates the t distribution with <paramref name="nu"/> degrees of freedom, shifted by <paramref name="location"/> and scaled by <paramref name="scale"/>.</summary>
    /// <param name="nu">The degrees of freedom; positive (+∞ gives the normal).</param>
    /// <param name="location">The location; finite.</param>
    /// <param name="scale">The scale; positive and finite.</param>
    /// <exception cref="System.ArgumentOutOfRangeException">A parameter is out of range or NaN.</exception>
    public StudentT(double nu, double location, double scale)
    {
        FamilyArguments.ThrowIfNotPositiveOrInfinity(nu);
        FamilyArguments.ThrowIfNotFinite(location);
        FamilyArguments.ThrowIfNotPositive(scale);
        Nu = nu;
        Location = location;
        Scale = scale;
    }

    /// <summary>The degrees of freedom.</summary>
    public double Nu { get; }

    /// <summary>The location.</summary>
    public double Location { get; }

    /// <summary>The scale.</summary>
    public double Scale { get; }

    /// <summary>The observed value is any real number.</summary>
    public static string SupportDescription => "a finite real number";

    /// <summary>True when <paramref name="y"/> is finite.</summary>
    public static bool IsInSupport(double y) => double.IsFinite(y);

    /// <summary>The log density of the scaled t distribution at <paramref name="y"/>; −∞ for a non-finite value.</summary>
    public double LogDensity(double y)
    {
        if (!(Scale > 0))
        {
            return double.NaN; // default(StudentT): there are no valid parameters (MathNet would throw)
        }

        return IsInSupport(y) ? MathNet.Numerics.Distributions.StudentT.PDFLn(Location, Scale, Nu, y) : double.NegativeInfinity;
    }

    /// <summary>log F(y) through the standard t's log CDF (<see cref="Functions.StudentTLogCdf"/>): exact in both tails, log Φ at ν = +∞.</summary>
    public double LogCdf(double y) => Functions.StudentTLogCdf(Nu, (y - Location) / Scale);

    /// <summary>log(1 − F(y)) = log F₀((location − y)/scale; ν) by symmetry.</summary>
    public double LogCcdf(double y) => Functions.StudentTLogCdf(Nu, (Location - y) / Scale);

    /// <summary>The mean, the location; NaN for ν ≤ 1 (no mean exists).</summary>
    public double Mean => Nu > 1 ? Location : double.NaN;

    /// <summary>The variance scale²·ν/(ν − 2); +∞ for 1 &lt; ν ≤ 2, NaN for ν ≤ 1.</summary>
    public double Variance => Nu > 2 ? Scale * Scale * Nu / (Nu - 2) : Nu > 1 ? double.PositiveInfinity : double.NaN;
}

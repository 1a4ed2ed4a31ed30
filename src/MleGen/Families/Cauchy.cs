namespace MleGen;

/// <summary>The Cauchy observation model (Student t with one degree of freedom).</summary>
public readonly struct Cauchy : ICensorableFamily, IFamilySupport
{
    /// <summary>Creates the Cauchy distribution with density 1/(π·scale·(1 + ((y − location)/scale)²)).</summary>
    /// <param name="location">The location (median); finite.</param>
    /// <param name="scale">The scale; positive and finite.</param>
    /// <exception cref="System.ArgumentOutOfRangeException">A parameter is out of range or NaN.</exception>
    public Cauchy(double location, double scale)
    {
        FamilyArguments.ThrowIfNotFinite(location);
        FamilyArguments.ThrowIfNotPositive(scale);
        Location = location;
        Scale = scale;
    }

    /// <summary>The location (median).</summary>
    public double Location { get; }

    /// <summary>The scale.</summary>
    public double Scale { get; }

    /// <summary>The observed value is any real number.</summary>
    public static string SupportDescription => "a finite real number";

    /// <summary>True when <paramref name="y"/> is finite.</summary>
    public static bool IsInSupport(double y) => double.IsFinite(y);

    /// <summary>−log(π·scale) − log(1 + z²) with z = (y − location)/scale; −∞ for a non-finite value.</summary>
    public double LogDensity(double y)
    {
        if (!(Scale > 0))
        {
            return double.NaN; // default(Cauchy): there are no valid parameters (MathNet would throw)
        }

        return IsInSupport(y) ? MathNet.Numerics.Distributions.Cauchy.PDFLn(Location, Scale, y) : double.NegativeInfinity;
    }

    /// <summary>log(½ + atan(z)/π), z = (y − location)/scale, without cancellation in either tail.</summary>
    public double LogCdf(double y) => Functions.CauchyLogCdf((y - Location) / Scale);

    /// <summary>log(1 − F(y)) = log F₀((location − y)/scale) by symmetry.</summary>
    public double LogCcdf(double y) => Functions.CauchyLogCdf((Location - y) / Scale);
}

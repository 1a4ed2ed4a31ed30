namespace MleGen;

/// <summary>The Laplace (double exponential) observation model; the MLE behind mean absolute error.</summary>
public readonly struct Laplace : ICensorableFamily, IFamilySupport
{
    /// <summary>Creates the Laplace distribution with density exp(−|y − location|/scale)/(2·scale).</summary>
    /// <param name="location">The location (median); finite.</param>
    /// <param name="scale">The scale; positive and finite.</param>
    /// <exception cref="System.ArgumentOutOfRangeException">A parameter is out of range or NaN.</exception>
    public Laplace(double location, double scale)
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

    /// <summary>−log(2·scale) − |y − location|/scale; −∞ for a non-finite <paramref name="y"/>.</summary>
    public double LogDensity(double y)
    {
        if (!(Scale > 0))
        {
            return double.NaN; // default(Laplace): there are no valid parameters (MathNet would throw)
        }

        return IsInSupport(y) ? MathNet.Numerics.Distributions.Laplace.PDFLn(Location, Scale, y) : double.NegativeInfinity;
    }

    /// <summary>The mean, the location.</summary>
    public double Mean => Location;

    /// <summary>The variance 2·scale².</summary>
    public double Variance => 2 * Scale * Scale;

    /// <summary>log F(y): z − log 2 below the location, log(1 − ½e^−z) above, z = (y − location)/scale.</summary>
    public double LogCdf(double y) => Functions.LaplaceLogCdf((y - Location) / Scale);

    /// <summary>log(1 − F(y)) = log F₀((location − y)/scale) by symmetry.</summary>
    public double LogCcdf(double y) => Functions.LaplaceLogCdf((Location - y) / Scale);
}

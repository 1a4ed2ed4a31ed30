namespace MleGen;

/// <summary>The Laplace (double exponential) observation model; the MLE behind mean absolute error.</summary>
public readonly struct Laplace : IObservationFamily
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
}

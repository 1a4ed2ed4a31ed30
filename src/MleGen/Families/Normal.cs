namespace MleGen;

/// <summary>The normal (Gaussian) observation model N(mean, sd²); the MLE behind mean squared error.</summary>
public readonly struct Normal : ICensorableFamily, IFamilySupport
{
    /// <summary>Creates N(<paramref name="mean"/>, <paramref name="sd"/>²).</summary>
    /// <param name="mean">The mean; finite.</param>
    /// <param name="sd">The standard deviation; positive and finite.</param>
    /// <exception cref="System.ArgumentOutOfRangeException">A parameter is out of range or NaN.</exception>
    public Normal(double mean, double sd)
    {
        FamilyArguments.ThrowIfNotFinite(mean);
        FamilyArguments.ThrowIfNotPositive(sd);
        Mean = mean;
        Sd = sd;
    }

    /// <summary>The mean.</summary>
    public double Mean { get; }

    /// <summary>The standard deviation.</summary>
    public double Sd { get; }

    /// <summary>The observed value is any real number.</summary>
    public static string SupportDescription => "a finite real number";

    /// <summary>True when <paramref name="y"/> is finite.</summary>
    public static bool IsInSupport(double y) => double.IsFinite(y);

    /// <summary>−½log(2π) − log sd − ½((y − mean)/sd)²; −∞ for a non-finite <paramref name="y"/>.</summary>
    public double LogDensity(double y) =>
        IsInSupport(y) ? MathNet.Numerics.Distributions.Normal.PDFLn(Mean, Sd, y) : double.NegativeInfinity;

    /// <summary>The variance sd².</summary>
    public double Variance => Sd * Sd;

    /// <summary>The unit deviance 2·(log p(y | mean = y) − log p(y)) = ((y − mean)/sd)², sd held.</summary>
    public double Deviance(double y)
    {
        double z = (y - Mean) / Sd;
        return z * z;
    }

    /// <summary>log Φ((y − mean)/sd), exact far into both tails (see <see cref="Functions.LogPhi"/>).</summary>
    public double LogCdf(double y) => Functions.LogPhi((y - Mean) / Sd);

    /// <summary>log(1 − Φ((y − mean)/sd)) = log Φ((mean − y)/sd), exact far into both tails.</summary>
    public double LogCcdf(double y) => Functions.LogPhi((Mean - y) / Sd);
}

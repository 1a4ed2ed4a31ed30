namespace MleGen;

/// <summary>The beta observation model for proportions in (0, 1).</summary>
public readonly struct Beta : ICensorableFamily, IFamilySupport
{
    /// <summary>Creates the beta distribution with density y^(α−1)(1−y)^(β−1)/B(α, β).</summary>
    /// <param name="alpha">The first shape α; positive and finite.</param>
    /// <param name="beta">The second shape β; positive and finite.</param>
    /// <exception cref="System.ArgumentOutOfRangeException">A parameter is out of range or NaN.</exception>
    public Beta(double alpha, double beta)
    {
        FamilyArguments.ThrowIfNotPositive(alpha);
        FamilyArguments.ThrowIfNotPositive(beta);
        Alpha = alpha;
        BetaParameter = beta;
    }

    /// <summary>The first shape α.</summary>
    public double Alpha { get; }

    /// <summary>The second shape β (named so as not to clash with the type name).</summary>
    public double BetaParameter { get; }

    /// <summary>The observed value lies strictly between 0 and 1.</summary>
    public static string SupportDescription => "a value in (0, 1)";

    /// <summary>True when 0 &lt; <paramref name="y"/> &lt; 1.</summary>
    public static bool IsInSupport(double y) => y > 0 && y < 1;

    /// <summary>(α − 1)·log y + (β − 1)·log(1 − y) − log B(α, β); −∞ outside (0, 1).</summary>
    public double LogDensity(double y) =>
        IsInSupport(y) ? MathNet.Numerics.Distributions.Beta.PDFLn(Alpha, BetaParameter, y) : double.NegativeInfinity;

    /// <summary>log I_y(α, β), the log regularized incomplete beta, exact in both tails; −∞ for y ≤ 0, 0 for y ≥ 1.</summary>
    public double LogCdf(double y) =>
        double.IsNaN(y) ? double.NaN : y <= 0 ? double.NegativeInfinity : y >= 1 ? 0 : Functions.BetaLogCdf(Alpha, BetaParameter, y);

    /// <summary>log(1 − I_y(α, β)), exact in both tails (from I_{1−y}(β, α) above the mean); 0 for y ≤ 0, −∞ for y ≥ 1.</summary>
    public double LogCcdf(double y) =>
        double.IsNaN(y) ? double.NaN : y <= 0 ? 0 : y >= 1 ? double.NegativeInfinity : Functions.BetaLogCcdf(Alpha, BetaParameter, y);

    /// <summary>The mean α/(α + β).</summary>
    public double Mean => Alpha / (Alpha + BetaParameter);

    /// <summary>The variance αβ/((α + β)²(α + β + 1)).</summary>
    public double Variance
    {
        get
        {
            double total = Alpha + BetaParameter;
            return Alpha * BetaParameter / (total * total * (total + 1));
        }
    }
}

using System;

namespace MleGen.Tests.Reference.Models;

/// <summary>polr_housing: P(sat ≤ k) = Logistic(Cuts[k] − x'β), cell weights Freq (MASS::polr).</summary>
[Model]
public partial class PolrHousingModel
{
    [Data] public required int[] Sat { get; init; }
    [Data] public required double[] Freq { get; init; }
    [Data] public required double[] InflMedium { get; init; }
    [Data] public required double[] InflHigh { get; init; }
    [Data] public required double[] TypeApartment { get; init; }
    [Data] public required double[] TypeAtrium { get; init; }
    [Data] public required double[] TypeTerrace { get; init; }
    [Data] public required double[] ContHigh { get; init; }
    [Param] public double inflMedium;
    [Param] public double inflHigh;
    [Param] public double typeApartment;
    [Param] public double typeAtrium;
    [Param] public double typeTerrace;
    [Param] public double contHigh;
    [Param(Ordered = true)] public double[] Cuts = [-1, 1];

    /// <summary>The odds ratio of a higher satisfaction for high against low influence.</summary>
    [Derived] public double InflHighOddsRatio => Math.Exp(inflHigh);

    [Likelihood(nameof(Sat), Weights = nameof(Freq))]
    internal OrderedLogistic Satisfaction(int i) => new(
        (inflMedium * InflMedium[i]) + (inflHigh * InflHigh[i]) + (typeApartment * TypeApartment[i]) + (typeAtrium * TypeAtrium[i])
            + (typeTerrace * TypeTerrace[i]) + (contHigh * ContHigh[i]),
        Cuts);
}

/// <summary>zip_biochemists: art ~ ZIP(Logistic(γ₀ + γ₁ ment), exp(x'β)) (pscl::zeroinfl).</summary>
[Model]
public partial class ZipBioChemistsModel
{
    [Data] public required int[] Art { get; init; }
    [Data] public required double[] Fem { get; init; }
    [Data] public required double[] Mar { get; init; }
    [Data] public required double[] Kid5 { get; init; }
    [Data] public required double[] Phd { get; init; }
    [Data] public required double[] Ment { get; init; }
    [Param] public double intercept;
    [Param] public double fem;
    [Param] public double mar;
    [Param] public double kid5;
    [Param] public double phd;
    [Param] public double ment;
    [Param] public double zeroIntercept;
    [Param] public double zeroMent;

    [Likelihood(nameof(Art))]
    internal ZeroInflatedPoisson Articles(int i) => new(
        Functions.Logistic(zeroIntercept + (zeroMent * Ment[i])),
        Math.Exp(intercept + (fem * Fem[i]) + (mar * Mar[i]) + (kid5 * Kid5[i]) + (phd * Phd[i]) + (ment * Ment[i])));
}

/// <summary>zip_biochemists' data as a zero-inflated negative binomial (pscl::zeroinfl(dist = "negbin")'s model).</summary>
[Model]
public partial class ZinbBioChemistsModel
{
    [Data] public required int[] Art { get; init; }
    [Data] public required double[] Fem { get; init; }
    [Data] public required double[] Mar { get; init; }
    [Data] public required double[] Kid5 { get; init; }
    [Data] public required double[] Phd { get; init; }
    [Data] public required double[] Ment { get; init; }
    [Param] public double intercept;
    [Param] public double fem;
    [Param] public double mar;
    [Param] public double kid5;
    [Param] public double phd;
    [Param] public double ment;
    [Param] public double zeroIntercept;
    [Param] public double zeroMent;
    [Param(Lower = 0)] public double theta = 1;

    [Likelihood(nameof(Art))]
    internal ZeroInflatedNegativeBinomial Articles(int i) => new(
        Functions.Logistic(zeroIntercept + (zeroMent * Ment[i])),
        Math.Exp(intercept + (fem * Fem[i]) + (mar * Mar[i]) + (kid5 * Kid5[i]) + (phd * Phd[i]) + (ment * Ment[i])),
        theta);
}

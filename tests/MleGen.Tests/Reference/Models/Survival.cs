using System;
using MleGen;

namespace MleGen.Tests.Reference.Models;

/// <summary>weibull_survreg_lung: time ~ Weibull(shape, exp(intercept + age·Age + female·Female)), right-censored where Censored.</summary>
[Model]
public partial class WeibullSurvregLungModel
{
    [Data] public required double[] Time { get; init; }
    [Data] public required bool[] Censored { get; init; }
    [Data] public required double[] Age { get; init; }
    [Data] public required double[] Female { get; init; }
    [Param] public double intercept;
    [Param] public double age;
    [Param] public double female;
    [Param(Lower = 0)] public double shape = 1;

    [Likelihood(nameof(Time), RightCensored = nameof(Censored))]
    internal Weibull Survival(int i) => new(shape, Math.Exp(intercept + (age * Age[i]) + (female * Female[i])));

    /// <summary>The median survival time of a 60-year-old woman: λ·(log 2)^(1/k).</summary>
    [Derived]
    public double Median60Female => Math.Exp(intercept + (60 * age) + female) * Math.Pow(Math.Log(2), 1 / shape);

    /// <summary>Its logarithm: a profile interval is invariant to the transformation (its ends are the logs of the median's).</summary>
    [Derived]
    public double LogMedian60Female => intercept + (60 * age) + female + (Math.Log(Math.Log(2)) / shape);
}

/// <summary>ztpoisson_insectsprays: count ~ Poisson(exp(intercept + spray effects)) truncated to count &gt; 0.</summary>
[Model]
public partial class ZeroTruncatedInsectSpraysModel
{
    [Data] public required int[] Count { get; init; }
    [Data] public required double[] SprayB { get; init; }
    [Data] public required double[] SprayC { get; init; }
    [Data] public required double[] SprayD { get; init; }
    [Data] public required double[] SprayE { get; init; }
    [Data] public required double[] SprayF { get; init; }
    [Data] public double Zero { get; init; }
    [Param] public double intercept;
    [Param] public double sprayB;
    [Param] public double sprayC;
    [Param] public double sprayD;
    [Param] public double sprayE;
    [Param] public double sprayF;

    [Likelihood(nameof(Count), TruncatedBelow = nameof(Zero))]
    internal PoissonLog Counts(int i) => new(intercept + (sprayB * SprayB[i]) + (sprayC * SprayC[i]) + (sprayD * SprayD[i]) + (sprayE * SprayE[i]) + (sprayF * SprayF[i]));
}

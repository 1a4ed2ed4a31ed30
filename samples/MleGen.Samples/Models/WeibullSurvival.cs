using System;
using MleGen;
using static MleGen.Functions;

namespace MleGen.Samples.Models;

/// <summary>
/// Survival regression with right censoring (R's <c>survreg(Surv(time, status) ~ x, dist = "weibull")</c>): a death
/// contributes the Weibull density of its time, a patient still alive at the end of follow-up only log S(time).
/// </summary>
[Model]
public partial class WeibullSurvival
{
    [Data] public required double[,] X { get; init; }
    [Data] public required double[] Time { get; init; }
    [Data] public required bool[] Censored { get; init; }

    /// <summary>The patient the median survival is reported for: age in years, 1 for a woman.</summary>
    [Data] public double AtAge { get; init; } = 60;

    [Data] public double AtFemale { get; init; } = 1;

    [Param] public double Intercept;

    /// <summary>The names of X's columns: the reported names of Beta's elements.</summary>
    public required string[] Columns { get; init; }

    [Param(Names = nameof(Columns))] public double[] Beta = [];
    [Param(Lower = 0)] public double Shape = 1;

    [Likelihood(nameof(Time), RightCensored = nameof(Censored))]
    Weibull Survival(int i) => new(Shape, Math.Exp(Intercept + Dot(Beta, X, i)));

    /// <summary>The median survival time of that patient: the scale times (log 2)^(1/shape); its SE by the delta method.</summary>
    [Derived]
    public double MedianSurvival => Math.Exp(Intercept + (Beta[0] * AtAge) + (Beta[1] * AtFemale)) * Math.Pow(Math.Log(2), 1 / Shape);
}

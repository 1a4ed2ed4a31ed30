using System;
using MleGen;
using static MleGen.Functions;

namespace MleGen.Tests.Reference.Models;

/// <summary>weibull_groundbeef: serving ~ Weibull(shape, scale) iid.</summary>
[Model]
public partial class WeibullGroundbeefModel
{
    [Data] public required double[] Serving { get; init; }
    [Param(Lower = 0)] public double shape = 1;
    [Param(Lower = 0)] public double scale = 1;

    [Likelihood(nameof(Serving))]
    internal Weibull Observation(int i) => new(shape, scale);
}

/// <summary>gamma_dist_precip: precip ~ Gamma(shape, rate) iid.</summary>
[Model]
public partial class GammaPrecipModel
{
    [Data] public required double[] Precip { get; init; }
    [Param(Lower = 0)] public double shape = 1;
    [Param(Lower = 0)] public double rate = 1;

    [Likelihood(nameof(Precip))]
    internal Gamma Observation(int i) => new(shape, rate);
}

/// <summary>student_t_dax: ret ~ StudentT(nu, location, scale) iid.</summary>
[Model]
public partial class StudentTDaxModel
{
    [Data] public required double[] Ret { get; init; }
    [Param(Lower = 0)] public double nu = 1;
    [Param] public double location;
    [Param(Lower = 0)] public double scale = 1;

    [Likelihood(nameof(Ret))]
    internal StudentT Observation(int i) => new(nu, location, scale);
}

using System;
using MleGen;

namespace MleGen.Tests.Priors;

/// <summary>Every prior attribute on its own parameter member (vectors get it elementwise).</summary>
[Model]
public partial class PriorZoo
{
    [Data] public required double[] Y;

    [Param, NormalPrior(1, 2)] public double[] A = [0.3, -0.4];
    [Param, LaplacePrior(0.5, 1.5)] public double B = 0.7;
    [Param, CauchyPrior(-1, 0.5)] public double C = 0.2;
    [Param(Lower = 0), HalfNormalPrior(2)] public double D = 0.8;
    [Param(Lower = 0), GammaPrior(3, 2)] public double E = 1.3;
    [Param, L2(4)] public double[] F = [0.5, -1.5];
    [Param, L1(0.25)] public double G = -0.6;
    [Param, ElasticNet(2, 0.3)] public double H = 0.9;

    [Likelihood(nameof(Y))]
    Normal Observation(int i) => new(A[0] + A[1] + B + C + D + E + F[0] + F[1] + G + H, 1 + D);
}

/// <summary>The same likelihood with <c>[L2(λ)]</c> and with <c>[NormalPrior(0, 1/√λ)]</c>.</summary>
[Model]
public partial class RidgeByL2
{
    [Data] public required double[] Y;

    [Param, L2(4)] public double[] Beta = [0, 0];

    [Likelihood(nameof(Y))]
    Normal Observation(int i) => new(Beta[0] + Beta[1], 1);
}

[Model]
public partial class RidgeByNormalPrior
{
    [Data] public required double[] Y;

    [Param, NormalPrior(0, 0.5)] public double[] Beta = [0, 0];

    [Likelihood(nameof(Y))]
    Normal Observation(int i) => new(Beta[0] + Beta[1], 1);
}

[Model]
public partial class NoPrior
{
    [Data] public required double[] Y;

    [Param] public double Mu;

    [Likelihood(nameof(Y))]
    Normal Observation(int i) => new(Mu, 1);
}

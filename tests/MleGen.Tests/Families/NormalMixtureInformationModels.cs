using MleGen;

namespace MleGen.Tests.Families;

/// <summary>A normal mixture with weighted observations: on a quadrature grid with weights p(y)·Δy its observed information is E[−∇² log p].</summary>
[Model]
public partial class WeightedMixtureModel
{
    [Data] public required double[] Y { get; init; }
    [Data] public required double[] W { get; init; }
    [Param(Simplex = true)] public double[] Weights = [];
    [Param] public double[] Means = [];
    [Param(Lower = 1e-3)] public double[] Sds = []; // a floor keeps the likelihood bounded (MLE0102); only evaluated here

    [Likelihood(nameof(Y), Weights = nameof(W))]
    internal NormalMixture Observation(int i) => new(Weights, Means, Sds);
}

using MleGen;
using static MleGen.Functions;

namespace MleGen.Mpi.Sample;

/// <summary>Logistic regression; each rank's instance holds only its own rows.</summary>
[Model]
public partial class ShardedLogistic
{
    [Data] public required double[,] X;
    [Data] public required int[] Y;

    [Param] public double Intercept;
    [Param] public double[] Beta = [];

    [Likelihood(nameof(Y))]
    BernoulliLogit Observation(int i) => new(Intercept + Dot(Beta, X, i));
}

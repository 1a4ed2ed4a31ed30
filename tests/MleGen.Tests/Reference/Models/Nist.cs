using System;
using MleGen;
using static MleGen.Functions;

namespace MleGen.Tests.Reference.Models;

// NIST StRD nonlinear regressions as Gaussian MLE: y ~ Normal(f(x; b), sigma). Start values are set by the tests.

/// <summary>Misra1a: f = b1·(1 − exp(−b2·x)).</summary>
[Model]
public partial class Misra1aModel
{
    [Data] public required double[] X { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param] public double b1;
    [Param] public double b2;
    [Param(Lower = 0)] public double sigma = 1;

    [Likelihood(nameof(Y))]
    internal Normal Observation(int i) => new(b1 * (1 - Math.Exp(-b2 * X[i])), sigma);
}

/// <summary>Chwirut2: f = exp(−b1·x)/(b2 + b3·x).</summary>
[Model]
public partial class Chwirut2Model
{
    [Data] public required double[] X { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param] public double b1;
    [Param] public double b2;
    [Param] public double b3;
    [Param(Lower = 0)] public double sigma = 1;

    [Likelihood(nameof(Y))]
    internal Normal Observation(int i) => new(Math.Exp(-b1 * X[i]) / (b2 + b3 * X[i]), sigma);
}

/// <summary>Kirby2: f = (b1 + b2·x + b3·x²)/(1 + b4·x + b5·x²).</summary>
[Model]
public partial class Kirby2Model
{
    [Data] public required double[] X { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param] public double b1;
    [Param] public double b2;
    [Param] public double b3;
    [Param] public double b4;
    [Param] public double b5;
    [Param(Lower = 0)] public double sigma = 1;

    [Likelihood(nameof(Y))]
    internal Normal Observation(int i) => new((b1 + b2 * X[i] + b3 * X[i] * X[i]) / (1 + b4 * X[i] + b5 * X[i] * X[i]), sigma);
}

/// <summary>MGH09: f = b1·(x² + x·b2)/(x² + x·b3 + b4).</summary>
[Model]
public partial class Mgh09Model
{
    [Data] public required double[] X { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param] public double b1;
    [Param] public double b2;
    [Param] public double b3;
    [Param] public double b4;
    [Param(Lower = 0)] public double sigma = 1;

    [Likelihood(nameof(Y))]
    internal Normal Observation(int i) => new(b1 * (X[i] * X[i] + X[i] * b2) / (X[i] * X[i] + X[i] * b3 + b4), sigma);
}

/// <summary>Thurber: f = (b1 + b2·x + b3·x² + b4·x³)/(1 + b5·x + b6·x² + b7·x³).</summary>
[Model]
public partial class ThurberModel
{
    [Data] public required double[] X { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param] public double b1;
    [Param] public double b2;
    [Param] public double b3;
    [Param] public double b4;
    [Param] public double b5;
    [Param] public double b6;
    [Param] public double b7;
    [Param(Lower = 0)] public double sigma = 1;

    double Numerator(int i) => b1 + b2 * X[i] + b3 * X[i] * X[i] + b4 * X[i] * X[i] * X[i];

    double Denominator(int i) => 1 + b5 * X[i] + b6 * X[i] * X[i] + b7 * X[i] * X[i] * X[i];

    [Likelihood(nameof(Y))]
    internal Normal Observation(int i) => new(Numerator(i) / Denominator(i), sigma);
}

/// <summary>Eckerle4: f = (b1/b2)·exp(−½((x − b3)/b2)²).</summary>
[Model]
public partial class Eckerle4Model
{
    [Data] public required double[] X { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param] public double b1;
    [Param] public double b2;
    [Param] public double b3;
    [Param(Lower = 0)] public double sigma = 1;

    [Likelihood(nameof(Y))]
    internal Normal Observation(int i) => new(b1 / b2 * Math.Exp(-0.5 * Square((X[i] - b3) / b2)), sigma);
}

/// <summary>Bennett5: f = b1·(b2 + x)^(−1/b3).</summary>
[Model]
public partial class Bennett5Model
{
    [Data] public required double[] X { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param] public double b1;
    [Param] public double b2;
    [Param] public double b3;
    [Param(Lower = 0)] public double sigma = 1;

    [Likelihood(nameof(Y))]
    internal Normal Observation(int i) => new(b1 * Math.Pow(b2 + X[i], -1 / b3), sigma);
}

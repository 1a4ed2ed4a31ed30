using MleGen.Tests.EndToEnd.Models;

namespace MleGen.Tests.Censoring;

// The censored Student t regressions: ν estimated, and ν fixed as data. The oracle sums the runtime StudentT's own
// LogDensity, LogCcdf and LogCdf, independently of the generated code.

[Model]
public partial class CensoredStudentTModel : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Data] public required bool[] Right { get; init; }
    [Data] public required bool[] Left { get; init; }
    [Param(Lower = 0)] public double Nu = 5;
    [Param(Lower = 0)] public double Scale = 1;
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y), RightCensored = nameof(Right), LeftCensored = nameof(Left))]
    internal StudentT Observation(int i) => new(Nu, A + B * x[i], Scale);

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            var family = Observation(i);
            nll -= Right[i] ? family.LogCcdf(Y[i]) : Left[i] ? family.LogCdf(Y[i]) : family.LogDensity(Y[i]);
        }

        return nll;
    }
}

[Model]
public partial class CensoredStudentTFixedNuModel : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Data] public required bool[] Right { get; init; }
    [Data] public required bool[] Left { get; init; }
    [Data] public required double Nu { get; init; }
    [Param(Lower = 0)] public double Scale = 1;
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y), RightCensored = nameof(Right), LeftCensored = nameof(Left))]
    internal StudentT Observation(int i) => new(Nu, A + B * x[i], Scale);

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            var family = Observation(i);
            nll -= Right[i] ? family.LogCcdf(Y[i]) : Left[i] ? family.LogCdf(Y[i]) : family.LogDensity(Y[i]);
        }

        return nll;
    }
}

/// <summary>studentt_detection_limit: level ~ StudentT(ν, a + b·dose, scale), left-censored below the detection limit.</summary>
[Model]
public partial class StudentTDetectionLimitModel
{
    [Data] public required double[] Dose { get; init; }
    [Data] public required double[] Level { get; init; }
    [Data] public required bool[] Below { get; init; }
    [Param(Lower = 0)] public double Nu = 5;
    [Param] public double A;
    [Param] public double B;
    [Param(Lower = 0)] public double Scale = 1;

    [Likelihood(nameof(Level), LeftCensored = nameof(Below))]
    internal StudentT Measurement(int i) => new(Nu, A + B * Dose[i], Scale);
}

/// <summary>A t regression observed only inside (Lower, Upper[i]], ν estimated.</summary>
[Model]
public partial class TruncatedStudentTModel : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Data] public required double Lower { get; init; }
    [Data] public required double[] Upper { get; init; }
    [Param(Lower = 0)] public double Nu = 5;
    [Param(Lower = 0)] public double Scale = 1;
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y), TruncatedBelow = nameof(Lower), TruncatedAbove = nameof(Upper))]
    internal StudentT Observation(int i) => new(Nu, A + (B * x[i]), Scale);

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            var f = Observation(i);
            nll -= f.LogDensity(Y[i]) - System.Math.Log(System.Math.Exp(f.LogCdf(Upper[i])) - System.Math.Exp(f.LogCdf(Lower)));
        }

        return nll;
    }
}

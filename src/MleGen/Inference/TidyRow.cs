namespace MleGen;

/// <summary>One row of a <see cref="TidyTable"/>, named as <c>broom::tidy</c> names its columns.</summary>
/// <param name="Term">The parameter's display name (<c>term</c>).</param>
/// <param name="Estimate">The estimate (<c>estimate</c>).</param>
/// <param name="StandardError">The standard error (<c>std.error</c>); null when unavailable (fixed parameter, singular information).</param>
/// <param name="Statistic">The z statistic estimate / se (<c>statistic</c>); null with the standard error.</param>
/// <param name="PValue">The two-sided p-value of the z statistic (<c>p.value</c>); null with the standard error.</param>
/// <param name="ConfidenceLow">The interval's lower end (<c>conf.low</c>); null when unavailable.</param>
/// <param name="ConfidenceHigh">The interval's upper end (<c>conf.high</c>); null when unavailable.</param>
public readonly record struct TidyRow(
    string Term,
    double Estimate,
    double? StandardError,
    double? Statistic,
    double? PValue,
    double? ConfidenceLow,
    double? ConfidenceHigh);

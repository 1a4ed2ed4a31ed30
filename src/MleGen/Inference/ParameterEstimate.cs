namespace MleGen;

/// <summary>One parameter's estimate with its Wald inference on the natural scale (intervals at the fit's <see cref="FitResult.ConfidenceLevel"/>).</summary>
/// <param name="Name">The parameter's name, e.g. <c>Beta[1]</c>.</param>
/// <param name="Estimate">The estimate (or the held value of a fixed parameter).</param>
/// <param name="StandardError">The standard error; null when unavailable (fixed parameter, or information not positive definite — see the diagnostics).</param>
/// <param name="Z">Estimate / standard error; null when the standard error is.</param>
/// <param name="PValue">Two-sided normal p-value of <see cref="Z"/>; null when the standard error is.</param>
/// <param name="Lower">Lower end of the Wald interval at <see cref="FitResult.ConfidenceLevel"/>, estimate − z·se (z = 1.959963984540054 at 95 %); null when the standard error is.</param>
/// <param name="Upper">Upper end of the Wald interval at <see cref="FitResult.ConfidenceLevel"/>; null when the standard error is.</param>
/// <param name="IsFixed">True when the parameter was held fixed (<see cref="FitOptions.Fixed"/>).</param>
public readonly record struct ParameterEstimate(
    string Name,
    double Estimate,
    double? StandardError,
    double? Z,
    double? PValue,
    double? Lower,
    double? Upper,
    bool IsFixed);

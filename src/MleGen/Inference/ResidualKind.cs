namespace MleGen;

/// <summary>Which residuals <see cref="FitResult.Residuals"/> returns (R's <c>residuals(fit, type)</c>).</summary>
public enum ResidualKind
{
    /// <summary>yᵢ − μ̂ᵢ, the observation minus its fitted mean (a binomial's on the count scale: yᵢ − nᵢp̂ᵢ).</summary>
    Response,

    /// <summary>
    /// (yᵢ − μ̂ᵢ)·√wᵢ / √Var̂(yᵢ), the fitted family's full variance: R's Pearson residuals for Poisson, binomial, Bernoulli and
    /// negative binomial fits; for a Normal (Gamma) fit R's divided by σ̂ (times √shape), i.e. standardized residuals.
    /// </summary>
    Pearson,

    /// <summary>
    /// sign(yᵢ − μ̂ᵢ)·√(wᵢ·dᵢ), dᵢ = 2·(log p(yᵢ | mean = yᵢ) − log p(yᵢ | fitted)), the family's other parameters held; the
    /// exponential-dispersion families only. R's deviance residuals for Poisson, binomial, Bernoulli and negative binomial
    /// fits; for a Normal (Gamma) fit R's divided by σ̂ (times √shape).
    /// </summary>
    Deviance,
}

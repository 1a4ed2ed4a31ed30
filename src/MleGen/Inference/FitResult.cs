using System;
using System.Collections.Generic;
using MathNet.Numerics;

namespace MleGen;

/// <summary>
/// The result of fitting an <see cref="IMleModel"/>: estimates with standard errors, z, p-values and
/// Wald intervals on the natural scale, the covariance, log-likelihood, AIC, BIC, convergence and
/// diagnostics. <see cref="ToString"/> prints a summary table in the spirit of R's <c>summary()</c>.
/// </summary>
public sealed class FitResult
{
    private readonly double[] _estimates;
    private readonly CovarianceMatrix? _covariance;
    private readonly Dictionary<string, int> _indexByName;
    private readonly IFitSource _source;
    private readonly FittedObservations? _fitted;
    private readonly string _fittedUnavailable;

    internal FitResult(
        IFitSource source,
        FitMethod method,
        string methodReason,
        bool converged,
        string convergenceReason,
        int iterations,
        double gradientNorm,
        double? kktResidual,
        double logLikelihood,
        double? logPosterior,
        long observationCount,
        int freeParameterCount,
        ParameterEstimate[] parameters,
        double[] estimates,
        double[] startValues,
        double[,]? covariance,
        CovarianceKind covarianceKind,
        double confidenceLevel,
        IReadOnlyList<FitDiagnostic> diagnostics,
        FittedObservations? fitted,
        string fittedUnavailable)
    {
        _fitted = fitted;
        _fittedUnavailable = fittedUnavailable;
        _source = source;
        Method = method;
        MethodReason = methodReason;
        Converged = converged;
        ConvergenceReason = convergenceReason;
        Iterations = iterations;
        GradientNorm = gradientNorm;
        KktResidual = kktResidual;
        LogLikelihood = logLikelihood;
        LogPosterior = logPosterior;
        ObservationCount = observationCount;
        FreeParameterCount = freeParameterCount;
        Parameters = parameters;
        _estimates = estimates;
        StartValues = Array.AsReadOnly(startValues);
        _covariance = covariance is null ? null : new CovarianceMatrix(covariance);
        CovarianceKind = covarianceKind;
        ConfidenceLevel = confidenceLevel;
        Diagnostics = diagnostics;
        _indexByName = new Dictionary<string, int>(parameters.Length, StringComparer.Ordinal);
        for (int i = 0; i < parameters.Length; i++)
        {
            _indexByName[parameters[i].Name] = i;
        }
    }

    /// <summary>True when the optimizer met a convergence test (see <see cref="ConvergenceReason"/>).</summary>
    public bool Converged { get; }

    /// <summary>Why the optimizer stopped.</summary>
    public string ConvergenceReason { get; }

    /// <summary>
    /// The optimizer's iterations. 0 when the start values already passed the convergence tests (gradient and
    /// Newton decrement), as in a re-fit, which starts from the previous estimates; <see cref="ConvergenceReason"/> says so.
    /// </summary>
    public int Iterations { get; }

    /// <summary>
    /// The start values of this fit, natural scale, θ order: <see cref="FitOptions.Start"/> or the parameter members'
    /// values when the fit began (fixed parameters at their values). A second <c>Fit()</c> starts from the members,
    /// i.e. from this fit's estimates; pass <c>Start = [.. fit.StartValues]</c> to repeat this fit from its own start.
    /// </summary>
    public IReadOnlyList<double> StartValues { get; }

    /// <summary>The infinity norm of the final (projected or pseudo-) gradient of the objective in the optimizer's unconstrained coordinates.</summary>
    public double GradientNorm { get; }

    /// <summary>
    /// For a fit with L1/Laplace penalties, the largest violation of the optimality (KKT) conditions at the estimate, relative
    /// to each penalty weight w: |∂ℓ/∂θ − w·sign θ|/w for a nonzero penalized parameter, max(0, |∂ℓ/∂θ| − w)/w for a zero one,
    /// |∂ℓ/∂θ|/max(1, |objective|) for an unpenalized one (in the optimizer's coordinates). Converged requires ≤ 1e-9 (up to 500 free
    /// parameters; beyond, OWL-QN is not polished by Newton and its own tests decide). Null for
    /// smooth fits (see <see cref="GradientNorm"/>).
    /// </summary>
    public double? KktResidual { get; }

    /// <summary>The optimizer used: never <see cref="FitMethod.Auto"/>, which resolves to Newton or L-BFGS (OWL-QN whenever an L1/Laplace prior is present).</summary>
    public FitMethod Method { get; }

    /// <summary>Why <see cref="Method"/> was used: the automatic choice's reason (e.g. "automatic: 4 free parameters …"), or "requested".</summary>
    public string MethodReason { get; }

    /// <summary>ℓ(θ̂), the full normalized log-likelihood at the estimate (priors excluded).</summary>
    public double LogLikelihood { get; }

    /// <summary>ℓ(θ̂) + log prior(θ̂) for a MAP fit; null for pure maximum likelihood.</summary>
    public double? LogPosterior { get; }

    /// <summary>n, the number of observations (over every rank's shard in a cluster fit).</summary>
    public long ObservationCount { get; }

    /// <summary>k, the number of estimated (not fixed) parameters.</summary>
    public int FreeParameterCount { get; }

    /// <summary>Akaike's information criterion −2ℓ + 2k.</summary>
    public double Aic => (-2 * LogLikelihood) + (2.0 * FreeParameterCount);

    /// <summary>The Bayesian information criterion −2ℓ + k·ln n.</summary>
    public double Bic => (-2 * LogLikelihood) + (FreeParameterCount * Math.Log(ObservationCount));

    /// <summary>
    /// The model's <c>[Derived]</c> quantities by name (<c>fit.Derived["HalfLife"]</c>): each g(θ̂) with its delta-method
    /// standard error √(∇gᵀ Σ ∇g) (Σ = <see cref="Covariance"/>, ∇g the generated exact gradient), z, p-value (of g = 0)
    /// and Wald interval at <see cref="ConfidenceLevel"/>; <see cref="ProfileInterval(string)"/> with the quantity's name is
    /// its profile-likelihood interval (the summary prints both). Empty for a model without derived quantities (and for a
    /// cluster fit, whose ranks hold the model).
    /// </summary>
    public IReadOnlyDictionary<string, ParameterEstimate> Derived => _derivedByName ??= DerivedByName();

    /// <summary>The derived quantities in declaration order (the summary's order).</summary>
    internal IReadOnlyList<ParameterEstimate> DerivedInOrder { get; init; } = [];

    private Dictionary<string, ParameterEstimate>? _derivedByName;

    private Dictionary<string, ParameterEstimate> DerivedByName()
    {
        var result = new Dictionary<string, ParameterEstimate>(DerivedInOrder.Count, StringComparer.Ordinal);
        foreach (var d in DerivedInOrder)
        {
            result[d.Name] = d;
        }

        return result;
    }

    /// <summary>Every parameter, in θ order.</summary>
    public IReadOnlyList<ParameterEstimate> Parameters { get; }

    /// <summary>The parameter named <paramref name="name"/>, e.g. <c>fit["Beta[1]"]</c>.</summary>
    /// <exception cref="KeyNotFoundException">No parameter has that name.</exception>
    public ParameterEstimate this[string name] => Parameters[IndexOf(name)];

    /// <summary>
    /// The p×p covariance of the estimates on the natural scale, in θ order (rows and columns of fixed
    /// parameters are zero), read in place without a copy (<c>fit.Covariance[i, j]</c>); assigning it to a
    /// <c>double[,]</c> makes a copy (<c>double[,] cov = fit.Covariance;</c>). Check <see cref="HasCovariance"/>
    /// first when the fit may have none.
    /// </summary>
    /// <exception cref="InvalidOperationException">The fit has no covariance: its information matrix is not positive definite or its log-likelihood is not finite (<see cref="Diagnostics"/> says which).</exception>
    public CovarianceMatrix Covariance => _covariance ?? throw new InvalidOperationException(
        "The fit has no covariance: its " + (CovarianceKind == CovarianceKind.Expected ? "expected" : "observed") + " information is not positive definite or its log-likelihood is not finite (see Diagnostics). Check HasCovariance first.");

    /// <summary>True when <see cref="Covariance"/> and the standard errors exist (false with <c>MLE1003</c>, or when the log-likelihood is not finite).</summary>
    public bool HasCovariance => _covariance is not null;

    /// <summary>
    /// The correlation matrix of the estimates, cov[i, j] / √(cov[i, i]·cov[j, j]) (R's
    /// <c>cov2cor(vcov(fit))</c>), in θ order; rows and columns of fixed parameters are NaN. Null when
    /// <see cref="Covariance"/> is. A new array on each access.
    /// </summary>
    public double[,]? Correlation => _covariance is { } c ? CorrelationMatrix.From(c.Values) : null;

    /// <summary>The confidence level of the Wald intervals in <see cref="Parameters"/> and the default of <see cref="ProfileInterval(string)"/> (<see cref="FitOptions.ConfidenceLevel"/>).</summary>
    public double ConfidenceLevel { get; }

    /// <summary>Which matrix <see cref="Covariance"/> and the standard errors come from.</summary>
    public CovarianceKind CovarianceKind { get; }

    /// <summary>The fitted model as its source declares it (family and arguments of each term, priors, GLM family and link); null for a model that does not describe itself.</summary>
    public ModelDescription? Model { get; internal init; }

    /// <summary>
    /// Deviance, null deviance, residual degrees of freedom and dispersion, as R's <c>summary.glm</c>, when the model
    /// is GLM-shaped (<see cref="ModelDescription.Glm"/>) and the fit has a finite log-likelihood; null otherwise
    /// (and in a cluster fit, where each rank holds only its shard of the observations).
    /// </summary>
    public GlmStatistics? Glm { get; internal init; }

    /// <summary>Run-time diagnostics (<c>MLE1xxx</c>): non-convergence, a diverging likelihood, unidentified parameters.</summary>
    public IReadOnlyList<FitDiagnostic> Diagnostics { get; }

    /// <summary>True when <see cref="FittedValues"/> and <see cref="Residuals"/> are available (a generated model fitted in one process, with a finite log-likelihood).</summary>
    public bool HasFittedValues => _fitted is not null;

    /// <summary>
    /// The fitted mean μ̂ᵢ = E[yᵢ | θ̂] of every observation (R's <c>fitted(fit)</c>), each likelihood term's observations in
    /// turn in declaration order (the order of <see cref="ObservationCount"/>): a Bernoulli's is p̂ᵢ, a binomial's nᵢp̂ᵢ (a
    /// count), a Poisson's the rate, a mixture's Σₖwₖμₖ. A new array on each access.
    /// </summary>
    /// <exception cref="NotSupportedException">The fit has none (<see cref="HasFittedValues"/> false: a hand-written model, a cluster fit, a non-finite fit), or a term's family has no mean (Cauchy, CategoricalLogits; the message names the term).</exception>
    /// <exception cref="InvalidOperationException">A fitted mean is not finite (a StudentT with ν ≤ 1); the message names the observation.</exception>
    public double[] FittedValues => Fitted.FittedValues();

    /// <summary>
    /// The residuals of <paramref name="kind"/> of every observation, in the order of <see cref="FittedValues"/>: response
    /// yᵢ − μ̂ᵢ, Pearson (yᵢ − μ̂ᵢ)√wᵢ/√Var̂(yᵢ), or deviance sign(yᵢ − μ̂ᵢ)√(wᵢdᵢ) (see <see cref="ResidualKind"/>; for
    /// Poisson, binomial, Bernoulli and negative binomial fits R's <c>residuals(fit, type)</c>). A new array on each call.
    /// </summary>
    /// <exception cref="NotSupportedException">No fitted values (see <see cref="FittedValues"/>), or deviance residuals of a family without a deviance (the message names the term).</exception>
    /// <exception cref="InvalidOperationException">A residual is not finite (a StudentT with ν ≤ 2 has no finite variance); the message names the observation.</exception>
    public double[] Residuals(ResidualKind kind) => Fitted.Residuals(kind);

    private FittedObservations Fitted => _fitted ?? throw new NotSupportedException("This fit has no fitted values: " + _fittedUnavailable);

    /// <summary>The same fit with standard errors, intervals and covariance recomputed from <paramref name="kind"/> at the estimate.</summary>
    /// <exception cref="InvalidOperationException"><see cref="CovarianceKind.Expected"/> for a model without an expected information (<see cref="IMleModel.HasExpectedInformation"/> false).</exception>
    public FitResult WithCovariance(CovarianceKind kind) => kind == CovarianceKind ? this : _source.WithCovariance(this, kind);

    /// <summary>The same fit with Wald intervals at <paramref name="level"/> (and that level as the default of the profile intervals), e.g. 0.90.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The level is not strictly between 0 and 1.</exception>
    public FitResult WithConfidenceLevel(double level)
    {
        ConfidenceLevels.Check(level, nameof(level));
        return level == ConfidenceLevel ? this : _source.WithConfidenceLevel(this, level);
    }

    /// <summary>
    /// The profile-likelihood interval {t : 2(ℓ̂ − max ℓ | θⱼ = t) ≤ χ²₁(level)} of parameter
    /// <paramref name="name"/>, every other free parameter re-maximized at each t. An end is the
    /// parameter's bound (or ±∞) when the profile does not cross the threshold before it — an estimate on
    /// its bound has the bound as that end. A simplex member is held at t with the other members rescaled
    /// proportionally to 1 − t and re-maximized; its range is [0, 1].
    /// <para>
    /// The name of a <c>[Derived]</c> quantity g (<see cref="Derived"/>) gives its interval
    /// {t : 2(ℓ̂ − max ℓ | g(θ) = t) ≤ χ²₁(level)}: the likelihood maximized subject to g(θ) = t (an augmented
    /// Lagrangian over the ordinary fitter), invariant to how g is written, unlike the delta-method Wald interval.
    /// </para>
    /// </summary>
    /// <exception cref="KeyNotFoundException">No parameter or derived quantity has that name.</exception>
    /// <exception cref="InvalidOperationException">
    /// The parameter is fixed, or the re-fit of the other parameters at a value the interval's search needed stopped short of
    /// its minimum (also when started again from the estimate): its likelihood would only bound the profile's, and the
    /// interval could come out too short. The message names the value and why the fit stopped.
    /// </exception>
    public (double Lower, double Upper) ProfileInterval(string name, double level)
    {
        ConfidenceLevels.Check(level, nameof(level));
        return _source.ProfileInterval(this, name, level);
    }

    /// <summary>The profile-likelihood interval of parameter <paramref name="name"/> at <see cref="ConfidenceLevel"/> (see <see cref="ProfileInterval(string, double)"/>).</summary>
    public (double Lower, double Upper) ProfileInterval(string name) => ProfileInterval(name, ConfidenceLevel);

    /// <summary>
    /// The profile likelihood of parameter <paramref name="name"/> at <see cref="ConfidenceLevel"/>: its
    /// interval and the likelihood-ratio statistic at about <paramref name="points"/> values around it
    /// (each a re-fit of the other parameters), for plots and checks of the quadratic approximation.
    /// A <c>[Derived]</c> quantity's name profiles it (see <see cref="ProfileInterval(string, double)"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 5 points.</exception>
    public ParameterProfile Profile(string name, int points = 41) => Profile(name, ConfidenceLevel, points);

    /// <summary>The profile likelihood of parameter <paramref name="name"/> with its interval at <paramref name="level"/> (see <see cref="Profile(string, int)"/>).</summary>
    public ParameterProfile Profile(string name, double level, int points = 41)
    {
        ConfidenceLevels.Check(level, nameof(level));
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 5);
        return _source.Profile(this, name, level, points);
    }

    /// <summary>The log-likelihood, mean cross-entropy and perplexity of <paramref name="heldOut"/> (a model of the same shape holding other data) at these estimates.</summary>
    public HeldOutEvaluation EvaluateHeldOut(IMleModel heldOut)
    {
        ArgumentNullException.ThrowIfNull(heldOut);
        if (heldOut.ParameterCount != _estimates.Length)
        {
            throw new ArgumentException($"The held-out model has {heldOut.ParameterCount} parameters; the fit has {_estimates.Length}.", nameof(heldOut));
        }

        int n = heldOut.ObservationCount;
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1, nameof(heldOut) + "." + nameof(IMleModel.ObservationCount));
        double logLikelihood = -heldOut.NegativeLogLikelihood(_estimates);
        double crossEntropy = -logLikelihood / n;
        return new HeldOutEvaluation(logLikelihood, n, crossEntropy, Math.Exp(crossEntropy));
    }

    /// <summary>The likelihood-ratio test of <paramref name="restricted"/> nested in <paramref name="full"/>: 2(ℓ_full − ℓ_restricted) against χ² with the difference in free parameters as degrees of freedom.</summary>
    /// <exception cref="ArgumentException">The full model does not have more free parameters than the restricted one.</exception>
    public static LikelihoodRatio LikelihoodRatioTest(FitResult restricted, FitResult full)
    {
        ArgumentNullException.ThrowIfNull(restricted);
        ArgumentNullException.ThrowIfNull(full);
        int df = full.FreeParameterCount - restricted.FreeParameterCount;
        if (df <= 0)
        {
            throw new ArgumentException($"The full fit has {full.FreeParameterCount} free parameters, the restricted {restricted.FreeParameterCount}: the full model must have more.", nameof(full));
        }

        double statistic = 2 * (full.LogLikelihood - restricted.LogLikelihood);
        // Upper tail of χ²(df) = Q(df/2, x/2), computed directly (1 − CDF loses digits for small p).
        double pValue = statistic <= 0 ? 1 : SpecialFunctions.GammaUpperRegularized(df / 2.0, statistic / 2);
        return new LikelihoodRatio(statistic, df, pValue);
    }

    /// <summary>A summary table: estimates, standard errors, z, p-values and Wald intervals at <see cref="ConfidenceLevel"/>, then log-likelihood, AIC, BIC, n, iterations, convergence and diagnostics (culture-invariant).</summary>
    public override string ToString() => FitSummaryFormatter.Format(this, ReportOptions.Default);

    /// <summary>The summary table as <see cref="ToString"/>, with <paramref name="options"/>: display labels, profile intervals, the correlation matrix.</summary>
    /// <exception cref="KeyNotFoundException">A label names no parameter of this fit.</exception>
    public string Summary(ReportOptions? options = null) => FitSummaryFormatter.Format(this, options ?? ReportOptions.Default);

    /// <summary>
    /// The coefficient table, one row per parameter as R's <c>broom::tidy(fit, conf.int = TRUE)</c>
    /// (term, estimate, std.error, statistic, p.value, conf.low, conf.high), to write as CSV, JSON or
    /// Markdown. Intervals at <see cref="ConfidenceLevel"/>: Wald, or profile when
    /// <see cref="ReportOptions.ProfileIntervals"/> is set.
    /// </summary>
    /// <exception cref="KeyNotFoundException">A label names no parameter of this fit.</exception>
    public TidyTable Tidy(ReportOptions? options = null) => TidyTable.From(this, options ?? ReportOptions.Default);

    /// <summary>True when a parameter is named <paramref name="name"/>.</summary>
    internal bool HasParameter(string name) => _indexByName.ContainsKey(name);

    internal int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _indexByName.TryGetValue(name, out int index)
            ? index
            : throw new KeyNotFoundException($"The fit has no parameter named '{name}'.");
    }
}

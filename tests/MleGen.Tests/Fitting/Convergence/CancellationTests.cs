using System;
using System.Threading;
using MleGen.Tests.Reference.Models;
using Xunit;

namespace MleGen.Tests.Fitting.Convergence;

/// <summary>
/// Cancellation is honoured in every stage within one evaluation: whichever evaluation of the model the token
/// is cancelled during (warm start, iterations, Newton polish, standard errors, a profile's inner fits, a
/// sandwich covariance), the operation throws <see cref="OperationCanceledException"/> without starting another.
/// Before, the polish and covariance stages never looked at the token.
/// </summary>
public class CancellationTests
{
    public static TheoryData<string> Operations => new(["Lbfgs", "Newton", "FisherScoring", "Profile", "Sandwich"]);

    [Theory]
    [MemberData(nameof(Operations))]
    public void ACancellationDuringAnyEvaluationStopsBeforeTheNextOne(string operation)
    {
        int total = Run(operation, cancelAt: int.MaxValue, out _);
        Assert.True(total >= 3, $"{operation}: {total} evaluations");
        // Every evaluation of the fits; a profile makes hundreds (inner fits alike), so past its first 40 every
        // total/40-th (the suite stays fast: each k re-runs the operation).
        int stride = Math.Max(1, total / 40);
        for (int k = 1; k <= total; k += k < 40 ? 1 : stride)
        {
            int done = -1;
            Assert.Throws<OperationCanceledException>(() => Run(operation, k, out done));
            Assert.True(done == k, $"{operation}: cancelled during evaluation {k}, but {done - k} more started after it");
        }
    }

    private static readonly Lazy<ReferenceCase> Cars = new(() => ReferenceCase.Load("ols_cars"));

    /// <summary>Runs the operation on a fresh model, cancelling during evaluation <paramref name="cancelAt"/>; returns the evaluations made.</summary>
    private static int Run(string operation, int cancelAt, out int evaluations)
    {
        var r = Cars.Value;
        using var cts = new CancellationTokenSource();
        var model = new CancellingModel(new OlsCarsModel { Speed = r.Columns["speed"], Dist = r.Columns["dist"] }, cts, cancelAt);
        try
        {
            var options = new FitOptions
            {
                Method = operation switch { "Newton" or "Profile" => FitMethod.Newton, "FisherScoring" => FitMethod.FisherScoring, _ => FitMethod.Lbfgs },
                CancellationToken = cts.Token,
            };
            int setUp = 0;
            if (operation is "Profile" or "Sandwich")
            {
                // The fit itself runs uncancelled; the count starts with the result's own operation.
                model.Armed = false;
                FitResult fit = ModelFitter.Fit(model, options);
                setUp = model.Evaluations;
                model.Armed = true;
                if (operation == "Profile")
                {
                    fit.ProfileInterval("speed");
                }
                else
                {
                    fit.WithCovariance(CovarianceKind.Sandwich);
                }
            }
            else
            {
                ModelFitter.Fit(model, options);
            }

            return model.Evaluations - setUp;
        }
        finally
        {
            evaluations = model.Evaluations - (model.Armed ? model.ArmedAt : 0);
        }
    }

    /// <summary>Forwards to a model, counting the evaluations over the data and cancelling the token during one of them.</summary>
    private sealed class CancellingModel(IMleModel inner, CancellationTokenSource cts, int cancelAt) : IMleModel
    {
        private bool _armed = true;

        public int Evaluations { get; private set; }

        /// <summary>The evaluation count when counting towards <c>cancelAt</c> began.</summary>
        public int ArmedAt { get; private set; }

        public bool Armed
        {
            get => _armed;
            set
            {
                _armed = value;
                ArmedAt = Evaluations;
            }
        }

        private void Count()
        {
            Evaluations++;
            if (_armed && Evaluations - ArmedAt == cancelAt)
            {
                cts.Cancel();
            }
        }

        public int ParameterCount => inner.ParameterCount;

        public int ObservationCount => inner.ObservationCount;

        public int EvaluationThreads { get => inner.EvaluationThreads; set => inner.EvaluationThreads = value; }

        public bool HasExpectedInformation => inner.HasExpectedInformation;

        public bool HasPrior => inner.HasPrior;

        public string GetParameterName(int index) => inner.GetParameterName(index);

        public ParameterInfo GetParameterInfo(int index) => inner.GetParameterInfo(index);

        public void ReadParameters(Span<double> theta) => inner.ReadParameters(theta);

        public void WriteParameters(ReadOnlySpan<double> theta) => inner.WriteParameters(theta);

        public void ValidateData()
        {
            Count();
            inner.ValidateData();
        }

        public double NegativeLogLikelihood(ReadOnlySpan<double> theta)
        {
            Count();
            return inner.NegativeLogLikelihood(theta);
        }

        public double NegativeLogLikelihood(ReadOnlySpan<double> theta, Span<double> gradient)
        {
            Count();
            return inner.NegativeLogLikelihood(theta, gradient);
        }

        public void ObservedInformation(ReadOnlySpan<double> theta, Span<double> information)
        {
            Count();
            inner.ObservedInformation(theta, information);
        }

        public void ExpectedInformation(ReadOnlySpan<double> theta, Span<double> information)
        {
            Count();
            inner.ExpectedInformation(theta, information);
        }

        public void ScoreOuterProduct(ReadOnlySpan<double> theta, Span<double> meat)
        {
            Count();
            inner.ScoreOuterProduct(theta, meat);
        }

        public double NegativeLogPrior(ReadOnlySpan<double> theta, Span<double> gradient) => inner.NegativeLogPrior(theta, gradient);

        public void NegativeLogPriorHessian(ReadOnlySpan<double> theta, Span<double> hessian) => inner.NegativeLogPriorHessian(theta, hessian);

        public L1Penalty GetL1Penalty(int index) => inner.GetL1Penalty(index);
    }
}

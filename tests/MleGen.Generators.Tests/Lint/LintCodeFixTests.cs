using System.Threading.Tasks;
using MleGen.CodeFixes;
using Xunit;
using static MleGen.Generators.Tests.Harness.LintVerifier;

namespace MleGen.Generators.Tests.Lint;

/// <summary>
/// Each code fix turns the flawed model into the fixed one, alone and as a fix-all (the path
/// <c>dotnet format analyzers</c> takes), and the fixed model has no lint left (or exactly what is listed).
/// </summary>
public class LintCodeFixTests
{
    private static string Model(string body) => Usings + $$"""
        [Model]
        public partial class M
        {
        {{body}}
        }
        """;

    private const string NormalTerm = """

            [Likelihood(nameof(Y))]
            Normal Obs(int i) => new(Mu, Sigma);
        """;

    [Theory]
    [InlineData("[Param]", "[Param(Lower = 0)]")]
    [InlineData("[Param()]", "[Param(Lower = 0)]")]
    [InlineData("[Param(Upper = 10)]", "[Param(Lower = 0, Upper = 10)]")]
    [InlineData("[Param(Lower = -1)]", "[Param(Lower = 0)]")]
    public Task MLE0101_AddsLowerZero(string before, string after) => VerifyFixAsync<AddLowerBoundCodeFix>(
        Model($$"""
            [Data] public double[] Y = [];
            [Param] public double Mu;
            {{before}} public double {|MLE0101:Sigma|} = 1;
        """ + NormalTerm),
        Model($$"""
            [Data] public double[] Y = [];
            [Param] public double Mu;
            {{after}} public double Sigma = 1;
        """ + NormalTerm));

    [Fact]
    public Task MLE0110_AddsLowerZeroBesideThePrior() => VerifyFixAsync<AddLowerBoundCodeFix>(
        Model("""
            [Data] public double[] Y = [];
            [Param, {|MLE0110:HalfNormalPrior(1)|}] public double Tau;

            [Likelihood(nameof(Y))]
            Normal Obs(int i) => new(Tau, 1);
        """),
        Model("""
            [Data] public double[] Y = [];
            [Param(Lower = 0), HalfNormalPrior(1)] public double Tau;

            [Likelihood(nameof(Y))]
            Normal Obs(int i) => new(Tau, 1);
        """));

    [Fact]
    public Task MLE0101AndMLE0110OnOneParameter_AreFixedByOneLowerBound() => VerifyFixAsync<AddLowerBoundCodeFix>(
        Model("""
            [Data] public double[] Y = [];
            [Param] public double Mu;
            [Param, {|MLE0110:HalfNormalPrior(1)|}] public double {|MLE0101:Sigma|} = 1;
        """ + NormalTerm),
        Model("""
            [Data] public double[] Y = [];
            [Param] public double Mu;
            [Param(Lower = 0), HalfNormalPrior(1)] public double Sigma = 1;
        """ + NormalTerm));

    private static string Mixture(string sds) => Model($$"""
            [Data] public double[] Y = [];
            [Param(Simplex = true)] public double[] Weights = [];
            [Param] public double[] Means = [];
            {{sds}}

            [Likelihood(nameof(Y))]
            NormalMixture Obs(int i) => new(Weights, Means, Sds);
        """);

    [Theory]
    [InlineData("[Param(Lower = 0)] public double[] {|MLE0102:Sds|} = [];", "[Param(Lower = 0), GammaPrior(2, 1)] public double[] Sds = [];")]
    [InlineData("[Param(Lower = 0), GammaPrior(1.5, 3)] public double[] {|MLE0102:Sds|} = [];", "[Param(Lower = 0), GammaPrior(2, 3)] public double[] Sds = [];")]
    public Task MLE0102_GivesTheSdsAGammaPriorOfShapeTwo(string before, string after) =>
        VerifyFixAsync<AddGammaPriorCodeFix>(Mixture(before), Mixture(after));

    [Fact]
    public Task MLE0103_RemovesTheParameter() => VerifyFixAsync<RemoveParameterCodeFix>(
        Model("""
            [Data] public double[] Y = [];
            [Param] public double Mu;
            [Param] public double {|MLE0103:Forgotten|};

            [Likelihood(nameof(Y))]
            Normal Obs(int i) => new(Mu, 1);
        """),
        Model("""
            [Data] public double[] Y = [];
            [Param] public double Mu;

            [Likelihood(nameof(Y))]
            Normal Obs(int i) => new(Mu, 1);
        """));

    [Fact]
    public Task MLE0106_SwitchesCountsToPoissonLog_AndTheSdIsThenUnused() => VerifyFixAsync<ReplaceFamilyCodeFix>(
        Model("""
            [Data] public int[] Y = [];
            [Param] public double Mu;
            [Param(Lower = 0)] public double Sigma = 1;

            [Likelihood(nameof(Y))]
            Normal Obs(int i) => {|MLE0106:new(Mu, Sigma)|};
        """),
        Model("""
            [Data] public int[] Y = [];
            [Param] public double Mu;
            [Param(Lower = 0)] public double {|MLE0103:Sigma|} = 1;

            [Likelihood(nameof(Y))]
            PoissonLog Obs(int i) => new(Mu);
        """));

    [Fact]
    public Task MLE0106_SwitchesBooleansToBernoulliLogit() => VerifyFixAsync<ReplaceFamilyCodeFix>(
        Model("""
            [Data] public bool[] Y = [];
            [Data] public double[] X = [];
            [Param] public double A;
            [Param] public double B;

            [Likelihood(nameof(Y))]
            Laplace Obs(int i) => {|MLE0106:new Laplace(A + B * X[i], 1)|};
        """),
        Model("""
            [Data] public bool[] Y = [];
            [Data] public double[] X = [];
            [Param] public double A;
            [Param] public double B;

            [Likelihood(nameof(Y))]
            BernoulliLogit Obs(int i) => new BernoulliLogit(A + B * X[i]);
        """));

    [Fact]
    public Task MLE0107_SwitchesToTheLogitFamilies() => VerifyFixAsync<ReplaceFamilyCodeFix>(
        Model("""
            [Data] public double[] X = [];
            [Data] public int[] Y = [];
            [Data] public int[] N = [];
            [Data] public int[] K = [];
            [Param] public double A;
            [Param] public double B;

            [Likelihood(nameof(Y))]
            Bernoulli Obs(int i) => {|MLE0107:new Bernoulli(A + B * X[i])|};

            [Likelihood(nameof(K))]
            MleGen.Binomial Successes(int i)
            {
                var eta = A - B * X[i];
                return {|MLE0107:new(trials: N[i], p: eta)|};
            }
        """),
        Model("""
            [Data] public double[] X = [];
            [Data] public int[] Y = [];
            [Data] public int[] N = [];
            [Data] public int[] K = [];
            [Param] public double A;
            [Param] public double B;

            [Likelihood(nameof(Y))]
            BernoulliLogit Obs(int i) => new BernoulliLogit(A + B * X[i]);

            [Likelihood(nameof(K))]
            MleGen.BinomialLogit Successes(int i)
            {
                var eta = A - B * X[i];
                return new(N[i], eta);
            }
        """));

    [Fact]
    public Task MLE0108_RewritesToTheFusedFamilies() => VerifyFixAsync<ReplaceFamilyCodeFix>(
        Model("""
            [Data] public double[] X = [];
            [Data] public int[] C = [];
            [Data] public int[] Y = [];
            [Data] public int[] N = [];
            [Data] public int[] K = [];
            [Param] public double A;
            [Param] public double B;

            [Likelihood(nameof(C))]
            Poisson Count(int i) => {|MLE0108:new(Math.Exp(A + B * X[i]))|};

            [Likelihood(nameof(Y))]
            Bernoulli Probit(int i) => {|MLE0108:new Bernoulli(Phi(A + B * X[i]))|};

            [Likelihood(nameof(K))]
            Binomial Trials(int i) => {|MLE0108:new(N[i], Functions.Logistic(A + B * X[i]))|};
        """),
        Model("""
            [Data] public double[] X = [];
            [Data] public int[] C = [];
            [Data] public int[] Y = [];
            [Data] public int[] N = [];
            [Data] public int[] K = [];
            [Param] public double A;
            [Param] public double B;

            [Likelihood(nameof(C))]
            PoissonLog Count(int i) => new(A + B * X[i]);

            [Likelihood(nameof(Y))]
            BernoulliProbit Probit(int i) => new BernoulliProbit(A + B * X[i]);

            [Likelihood(nameof(K))]
            BinomialLogit Trials(int i) => new(N[i], A + B * X[i]);
        """));

    [Fact]
    public Task MLE0108_ThroughAHelper_IsReportedWithoutAFix() => VerifyFixAsync<ReplaceFamilyCodeFix>(
        Model("""
            [Data] public double[] X = [];
            [Data] public int[] C = [];
            [Param] public double A;
            [Param] public double B;

            double Rate(int i) => Math.Exp(A + B * X[i]);

            [Likelihood(nameof(C))]
            Poisson Count(int i) => {|MLE0108:new(Rate(i))|};
        """),
        Model("""
            [Data] public double[] X = [];
            [Data] public int[] C = [];
            [Param] public double A;
            [Param] public double B;

            double Rate(int i) => Math.Exp(A + B * X[i]);

            [Likelihood(nameof(C))]
            Poisson Count(int i) => {|MLE0108:new(Rate(i))|};
        """));
}

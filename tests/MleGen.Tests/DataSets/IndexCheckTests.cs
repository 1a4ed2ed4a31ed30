using System;
using Xunit;

namespace MleGen.Tests.DataSets;

/// <summary>
/// Indices computed from data (<c>Mu[G[i]]</c>) and constant offsets (<c>X[i + 1]</c>, <c>X[i, 1]</c>) are
/// checked once per data set against the member they read: a <see cref="ModelDataException"/> naming the
/// member, the index and the value, from every entry point, never a bare IndexOutOfRangeException or a
/// silent read of another parameter's slot.
/// </summary>
public class IndexCheckTests
{
    public static TheoryData<string> EntryPoints => new(["Nll", "NllGradient", "Observed", "Expected", "Score"]);

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public void AGroupIndexPastTheParameterVectorNamesTheGroupDatum(string entry)
    {
        var model = new GroupMeansModel { G = [0, 3, 1], Y = [0.5, 1.5, -0.2], Mu = [0.1, 0.2, 0.3] };
        var e = Assert.Throws<ModelDataException>(() => DataFreshnessTests.Evaluate(model, entry));
        Assert.Equal("G", e.Member);
        Assert.Equal(1, e.Index);
        Assert.Contains("is 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("Mu[G[i]]", e.Message, StringComparison.Ordinal);
        Assert.Contains("Mu[3]", e.Message, StringComparison.Ordinal);
        Assert.Contains("3 elements", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectedInformationNoLongerAddsIntoSigmasSlot()
    {
        // Before: theta[o_Mu + 3] is Sigma's slot; the expected information silently added a mean's term there.
        var model = new GroupMeansModel { G = [0, 3, 1], Y = [0.5, 1.5, -0.2], Mu = [0.1, 0.2, 0.3] };
        Assert.Throws<ModelDataException>(() => ((IMleModel)model).ExpectedInformation([0.1, 0.2, 0.3, 1], new double[16]));
        Assert.Throws<ModelDataException>(() => model.Fit());
    }

    [Fact]
    public void ANegativeGroupIndexIsNamedToo()
    {
        var model = new GroupOffsetModel { G = [0, 1, -1, 0], Offset = [0.5, -0.5], Y = [1, 2, 3, 4] };
        var e = Assert.Throws<ModelDataException>(() => ((IMleModel)model).NegativeLogLikelihood([0, 1]));
        Assert.Equal("G", e.Member);
        Assert.Equal(2, e.Index);
        Assert.Contains("Offset[-1]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GroupIndicesInsideTheirMemberAreAccepted()
    {
        var model = new GroupMeansModel { G = [0, 2, 1, 2], Y = [0.5, 1.5, -0.2, 1.4], Mu = [0.1, 0.2, 0.3] };
        FitResult fit = model.Fit();
        Assert.True(fit.Converged, fit.ConvergenceReason);
        Assert.Equal(0.5, fit["Mu[0]"].Estimate, 6);
        Assert.Equal(1.45, fit["Mu[2]"].Estimate, 6);
    }

    [Fact]
    public void AGuardedIndexIsCheckedOnlyWhereTheGuardHolds()
    {
        var model = new GuardedGroupModel { G = [-1, 0, 1, -1, 1], Y = [0.1, 0.4, 1.2, -0.1, 0.8], Mu = [0, 0] };
        double nll = ((IMleModel)model).NegativeLogLikelihood([0.3, 1, 0.7]);
        Assert.True(double.IsFinite(nll));
        model.G[2] = 2;
        var e = Assert.Throws<ModelDataException>(model.ValidateData);
        Assert.Equal("G", e.Member);
        Assert.Equal(2, e.Index);
    }

    [Fact]
    public void AReadPastTheEndOfADataVectorIsNamed()
    {
        var model = new LeadModel { X = [1, 2, 3, 4], Y = [1, 2, 3, 4] };
        var e = Assert.Throws<ModelDataException>(() => ((IMleModel)model).NegativeLogLikelihood([0, 1, 1]));
        Assert.Equal("X", e.Member);
        Assert.Contains("X[i + 1]", e.Message, StringComparison.Ordinal);
        Assert.Contains("X[4]", e.Message, StringComparison.Ordinal);
        Assert.Contains("observation 3", e.Message, StringComparison.Ordinal);

        var fits = new LeadModel { X = [1, 2, 3, 4, 5], Y = [1.9, 3.1, 3.9, 5.2] };
        Assert.True(double.IsFinite(((IMleModel)fits).NegativeLogLikelihood([0, 1, 1])));
    }

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public void ASecondColumnOfAOneColumnMatrixIsNamed(string entry)
    {
        var model = new SecondColumnModel { X = new double[,] { { 1 }, { 2 }, { 3 } }, Y = [1, 2, 3] };
        var e = Assert.Throws<ModelDataException>(() => DataFreshnessTests.Evaluate(model, entry));
        Assert.Equal("X", e.Member);
        Assert.Contains("X[i, 1]", e.Message, StringComparison.Ordinal);
        Assert.Contains("column 1 of X", e.Message, StringComparison.Ordinal);
        Assert.Contains("1 column", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResizingTheIndexedParameterVectorIsCheckedAgain()
    {
        var model = new GroupMeansModel { G = [0, 2, 1], Y = [0.5, 1.5, -0.2], Mu = [0.1, 0.2, 0.3] };
        Assert.True(double.IsFinite(((IMleModel)model).NegativeLogLikelihood([0.1, 0.2, 0.3, 1])));
        model.Mu = [0.1, 0.2];
        var e = Assert.Throws<ModelDataException>(() => ((IMleModel)model).NegativeLogLikelihood([0.1, 0.2, 1]));
        Assert.Equal("G", e.Member);
        Assert.Equal(1, e.Index);
    }
}

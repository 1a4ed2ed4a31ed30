using System;
using MleGen.Tests.Language;
using Xunit;

namespace MleGen.Tests.Censoring;

/// <summary>
/// Bad data for censored, truncated, ordinal and zero-inflated terms: each is a <see cref="ModelDataException"/> (or, for a
/// start value, an <see cref="ArgumentException"/>) naming the member and the index — never a silent NaN or a wrong number.
/// </summary>
public class WiderLanguageBadDataTests
{
    private const int N = 50;

    private static ModelDataException DataError(IMleModel model)
    {
        var e = Assert.Throws<ModelDataException>(model.ValidateData);
        var theta = new double[model.ParameterCount];
        model.ReadParameters(theta);
        var again = Assert.Throws<ModelDataException>(() => model.NegativeLogLikelihood(theta));
        Assert.Equal(e.Member, again.Member);
        Assert.Equal(e.Index, again.Index);
        return e;
    }

    [Fact]
    public void ANaNTruncationBoundNamesTheBoundAndIndex()
    {
        var model = (TruncatedNormalModel)TruncationTests.Create("Normal", 31);
        model.Upper[3] = double.NaN;
        var e = DataError(model);
        Assert.Equal("Upper", e.Member);
        Assert.Equal(3, e.Index);
    }

    [Fact]
    public void ANaNScalarTruncationBoundNamesTheBound()
    {
        var model = (TruncatedNormalModel)TruncationTests.Create("Normal", 32);
        var nan = new TruncatedNormalModel { x = model.x, Y = model.Y, Lower = double.NaN, Upper = model.Upper, Scale = 0.8, A = 0.3, B = 1 };
        var e = DataError(nan);
        Assert.Equal("Lower", e.Member);
    }

    [Fact]
    public void ATruncationBoundArrayOfTheWrongLengthNamesTheBound()
    {
        var model = (TruncatedNormalModel)TruncationTests.Create("Normal", 33);
        var shorter = new TruncatedNormalModel { x = model.x, Y = model.Y, Lower = -0.5, Upper = model.Upper[1..], Scale = 0.8, A = 0.3, B = 1 };
        var e = DataError(shorter);
        Assert.Equal("Upper", e.Member);
    }

    [Fact]
    public void ANaNCensoredObservationNamesTheObservation()
    {
        var model = (CensoredNormalModel)CensoringTests.Create("Normal", N, 34);
        model.Right[2] = true;
        model.Left[2] = false;
        model.Y[2] = double.NaN;
        var e = DataError(model);
        Assert.Equal("Y", e.Member);
        Assert.Equal(2, e.Index);
    }

    [Fact]
    public void ACensoredTimeOutsideTheSupportNamesTheObservation()
    {
        var model = (CensoredWeibullModel)CensoringTests.Create("Weibull", N, 35);
        model.Right[5] = true;
        model.Left[5] = false;
        model.Y[5] = -1;
        var e = DataError(model);
        Assert.Equal("Y", e.Member);
        Assert.Equal(5, e.Index);
    }

    [Fact]
    public void ANegativeOrdinalClassNamesTheObservation()
    {
        var model = OrdinalAndZeroInflatedTests.Ordered(N, 36);
        model.Y[11] = -1;
        var e = DataError(model);
        Assert.Equal("Y", e.Member);
        Assert.Equal(11, e.Index);
    }

    [Fact]
    public void ANaNOrdinalWeightNamesTheWeight()
    {
        var model = OrdinalAndZeroInflatedTests.Ordered(N, 37);
        model.W[8] = double.NaN;
        var e = DataError(model);
        Assert.Equal("W", e.Member);
        Assert.Equal(8, e.Index);
    }

    [Fact]
    public void ANaNOrderedStartNamesTheMemberAndIndex()
    {
        var model = OrdinalAndZeroInflatedTests.Ordered(N, 38);
        model.Cuts = [-1, double.NaN, 1.5];
        var e = Assert.ThrowsAny<ArgumentException>(() => model.Fit());
        Assert.Contains("Cuts[1]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeZeroInflatedCountsNameTheObservation()
    {
        var zip = OrdinalAndZeroInflatedTests.Zip(N, 39);
        zip.Y[4] = -2;
        var e = DataError(zip);
        Assert.Equal("Y", e.Member);
        Assert.Equal(4, e.Index);

        var zinb = OrdinalAndZeroInflatedTests.Zinb(N, 40);
        zinb.Y[9] = -1;
        e = DataError(zinb);
        Assert.Equal("Y", e.Member);
        Assert.Equal(9, e.Index);
    }
}

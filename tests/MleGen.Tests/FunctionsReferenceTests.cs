using Xunit;
using static MleGen.Functions;

namespace MleGen.Tests;

/// <summary>Functions against 40-digit references (mpmath: psi(1, x), log(ncdf(x)), npdf(x)/ncdf(x), log1p, expm1).</summary>
public class FunctionsReferenceTests
{
    [Theory]
    [InlineData(0.1, 101.43329915079275)]
    [InlineData(1.7, 0.79323283016399841)]
    [InlineData(6.3, 0.17199103142192849)]
    [InlineData(9.5, 0.11099728846909903)]
    [InlineData(12, 0.086901872871768391)]
    [InlineData(-2.5, 9.5392466449891238)]
    [InlineData(0.001, 1000001.6425331958)]
    public void Trigamma(double x, double expected) => Approx.Equal(expected, Functions.Trigamma(x), 1e-14);

    [Theory]
    [InlineData(-37.0, -689.03058557689059)]
    [InlineData(-29.0, -424.78741990973016)]
    [InlineData(-20.0, -203.91715537109726)]
    [InlineData(-8.0, -35.01343715991455)]
    [InlineData(-2.0, -3.7831843336820319)]
    [InlineData(3.0, -0.0013508099647481938)]
    [InlineData(8.0, -6.2209605742717861e-16)]
    public void LogPhi(double x, double expected)
    {
        // Relative to the value itself (the 8.0 case is ~6e-16).
        Approx.Equal(expected / System.Math.Abs(expected), Functions.LogPhi(x) / System.Math.Abs(expected), 1e-14);
    }

    [Theory]
    [InlineData(-5.5, 5.6714103138973056)]
    [InlineData(-10.0, 10.098093233962512)]
    [InlineData(-25.0, 25.039873012057563)]
    [InlineData(-1.0, 1.5251352761609812)]
    [InlineData(1.0, 0.28759997093917836)]
    public void NormalPdfRatio(double x, double expected) => Approx.Equal(expected, Functions.NormalPdfRatio(x), 1e-14);

    [Theory]
    [InlineData(1e-08, 9.9999999500000005e-9, 1.000000005e-8)]
    [InlineData(-0.4, -0.51082562376599072, -0.32967995396436071)]
    [InlineData(0.2, 0.18232155679395464, 0.22140275816016985)]
    [InlineData(-1e-05, -1.0000050000333337e-5, -9.9999500001666671e-6)]
    public void Log1pAndExpm1(double x, double log1p, double expm1)
    {
        Approx.Equal(1, Log1p(x) / log1p, 1e-15);
        Approx.Equal(1, Expm1(x) / expm1, 1e-15);
    }
}

using System;
using System.IO;
using System.Threading;
using ScottPlot;
using SkiaSharp;

namespace MleGen.Plots;

/// <summary>
/// The font every MleGen plot uses: Liberation Sans (SIL Open Font License, Fonts/LICENSE-LiberationSans.txt),
/// embedded in this assembly and served to ScottPlot through a font resolver, so text renders — and
/// renders the same — on machines without system fonts (a minimal container has none, and Skia then
/// draws no text at all).
/// </summary>
internal static class BundledFonts
{
    /// <summary>The family name the resolver answers to (distinct from any installed copy, so the embedded file is the one used).</summary>
    public const string Family = "MleGen Liberation Sans";

    private static readonly Lazy<Resolver> Instance = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Registers the resolver (once) and sets every font of <paramref name="plot"/> to the bundled family.</summary>
    public static void Apply(Plot plot)
    {
        _ = Instance.Value;
        plot.Font.Set(Family, FontWeight.Normal, FontSlant.Upright, FontSpacing.Normal);
    }

    private static Resolver Register()
    {
        var resolver = new Resolver(Load("LiberationSans-Regular.ttf"), Load("LiberationSans-Bold.ttf"));
        lock (Fonts.FontResolvers)
        {
            Fonts.FontResolvers.Insert(0, resolver);
        }

        return resolver;
    }

    private static SKTypeface Load(string file)
    {
        using Stream stream = typeof(BundledFonts).Assembly.GetManifestResourceStream("MleGen.Plots.Fonts." + file)
            ?? throw new InvalidOperationException($"The embedded font {file} is missing from MleGen.Plots.");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"The embedded font {file} could not be loaded by SkiaSharp.");
    }

    private sealed class Resolver(SKTypeface regular, SKTypeface bold) : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            fontName == Family ? (weight >= FontWeight.SemiBold ? bold : regular) : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold1, bool italic) =>
            fontName == Family ? (bold1 ? bold : regular) : null;
    }
}

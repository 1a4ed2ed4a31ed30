using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using SkiaSharp;
using Xunit;

namespace MleGen.Extensions.Tests;

/// <summary>Checks of rendered files: PNG decoded pixel by pixel, SVG parsed as XML.</summary>
internal static class RenderedImage
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>Asserts a PNG of the given size with a drawing on it (many non-white pixels, many colours) and dark text in its title band; returns the bitmap.</summary>
    public static SKBitmap AssertPng(string path, int width, int height)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 5_000, $"{path}: {bytes.Length} bytes");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes.Take(4));
        SKBitmap bitmap = SKBitmap.Decode(bytes) ?? throw new InvalidOperationException(path + " does not decode");
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
        int nonWhite = 0;
        var colours = new System.Collections.Generic.HashSet<SKColor>();
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                SKColor c = bitmap.GetPixel(x, y);
                colours.Add(c);
                if (c.Red < 250 || c.Green < 250 || c.Blue < 250)
                {
                    nonWhite++;
                }
            }
        }

        Assert.True(nonWhite > width * height / 50, $"{path}: only {nonWhite} non-white pixels");
        Assert.True(colours.Count > 20, $"{path}: only {colours.Count} colours");

        // The title is text: dark pixels in the top band prove the font rendered.
        Assert.True(CountDark(bitmap, 0, height / 12) > 50, $"{path}: no title text was drawn");
        return bitmap;
    }

    /// <summary>Pixels within <paramref name="tolerance"/> of <paramref name="colour"/> in each channel.</summary>
    public static int Count(SKBitmap bitmap, SKColor colour, int tolerance = 30)
    {
        int count = 0;
        for (int y = 0; y < bitmap.Height; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                SKColor c = bitmap.GetPixel(x, y);
                if (Math.Abs(c.Red - colour.Red) <= tolerance && Math.Abs(c.Green - colour.Green) <= tolerance && Math.Abs(c.Blue - colour.Blue) <= tolerance)
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>Asserts a well-formed SVG of the given size whose text elements include <paramref name="texts"/>; returns the document.</summary>
    public static XDocument AssertSvg(string path, int width, int height, params string[] texts)
    {
        XDocument doc = XDocument.Load(path);
        XElement root = doc.Root!;
        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal(width.ToString(System.Globalization.CultureInfo.InvariantCulture), root.Attribute("width")?.Value);
        Assert.Equal(height.ToString(System.Globalization.CultureInfo.InvariantCulture), root.Attribute("height")?.Value);
        Assert.True(doc.Descendants(Svg + "path").Count() > 10, path + ": too few paths");
        string[] drawn = doc.Descendants(Svg + "text").Select(t => t.Value.Trim()).ToArray();
        foreach (string text in texts)
        {
            Assert.Contains(text, drawn);
        }

        // Text is set in the bundled font, not whatever the machine has.
        Assert.All(doc.Descendants(Svg + "text"), t => Assert.Equal("Liberation Sans", t.Attribute("font-family")?.Value));
        return doc;
    }

    private static int CountDark(SKBitmap bitmap, int top, int bottom)
    {
        int count = 0;
        for (int y = top; y < bottom; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                SKColor c = bitmap.GetPixel(x, y);
                if (c.Red < 100 && c.Green < 100 && c.Blue < 100)
                {
                    count++;
                }
            }
        }

        return count;
    }
}

using System;
using System.IO;
using ScottPlot;

namespace MleGen.Plots;

/// <summary>Writes plots to files.</summary>
public static class PlotFile
{
    /// <summary>Default width in pixels.</summary>
    public const int DefaultWidth = 720;

    /// <summary>Default height in pixels.</summary>
    public const int DefaultHeight = 480;

    /// <summary>Writes <paramref name="plot"/> as PNG or SVG, by the extension of <paramref name="path"/> (<c>.png</c>, <c>.svg</c>).</summary>
    /// <exception cref="ArgumentException">Another extension, or a size below 1 pixel.</exception>
    public static void Save(Plot plot, string path, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        switch (Path.GetExtension(path).ToUpperInvariant())
        {
            case ".PNG":
                plot.SavePng(path, width, height);
                break;
            case ".SVG":
                plot.SaveSvg(path, width, height);
                break;
            default:
                throw new ArgumentException($"'{path}': the extension must be .png or .svg.", nameof(path));
        }
    }
}

using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using Xunit;

namespace MleGen.Generators.Tests.Harness;

/// <summary>
/// Snapshot files in the Verify convention: <c>Snapshots/{Class}.{Method}#{HintName}.verified.cs</c>
/// beside the test. A mismatch writes <c>.received.cs</c> and fails with the first differing lines;
/// <c>MLEGEN_ACCEPT=1</c> accepts the received text.
/// </summary>
public static class Snapshot
{
    public static void Verify(string text, string hintName, string className, [CallerMemberName] string method = "", [CallerFilePath] string testFile = "")
    {
        string folder = Path.Combine(Path.GetDirectoryName(testFile)!, "..", "Snapshots");
        Directory.CreateDirectory(folder);
        string stem = Path.Combine(folder, className + "." + method + "#" + Path.GetFileNameWithoutExtension(hintName));
        string verifiedPath = stem + ".verified.cs";
        string receivedPath = stem + ".received.cs";
        text = text.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("MLEGEN_ACCEPT") == "1")
        {
            File.WriteAllText(verifiedPath, text);
            File.Delete(receivedPath);
            return;
        }

        string? verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).Replace("\r\n", "\n") : null;
        if (verified == text)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, text);
        Assert.Fail(verified is null
            ? "No snapshot yet: review " + receivedPath + " and accept it with MLEGEN_ACCEPT=1."
            : "The generated code differs from " + verifiedPath + ":\n" + Diff(verified, text));
    }

    private static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var diff = new StringBuilder();
        int shown = 0;
        for (int k = 0; k < Math.Max(a.Length, b.Length) && shown < 20; k++)
        {
            string left = k < a.Length ? a[k] : "<end>";
            string right = k < b.Length ? b[k] : "<end>";
            if (left != right)
            {
                diff.Append("line ").Append(k + 1).Append(":\n- ").Append(left).Append("\n+ ").Append(right).Append('\n');
                shown++;
            }
        }

        return diff.ToString();
    }
}

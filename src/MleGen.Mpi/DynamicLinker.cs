using System.Runtime.InteropServices;

namespace MleGen.Mpi;

/// <summary>dlopen/dlerror from glibc: <c>NativeLibrary.Load</c> opens libraries RTLD_LOCAL, and Open MPI's plug-ins must resolve their symbols against libmpi.</summary>
internal static partial class DynamicLinker
{
    public static nint Open(string name, int flags) => dlopen(name, flags);

    public static string LastError() => Marshal.PtrToStringUTF8(dlerror()) ?? "not found";

    [LibraryImport("libc.so.6", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint dlopen(string file, int mode);

    [LibraryImport("libc.so.6")]
    private static partial nint dlerror();
}

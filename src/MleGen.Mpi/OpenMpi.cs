using System;
using System.Runtime.InteropServices;

namespace MleGen.Mpi;

/// <summary>
/// The dozen MPI calls MleGen needs, bound to Open MPI's <c>libmpi.so.40</c> (Debian's
/// <c>libopenmpi3</c>, Open MPI 4.x) through function pointers. Open MPI's handles (<c>MPI_COMM_WORLD</c>,
/// <c>MPI_DOUBLE</c>, …) are the addresses of its exported <c>ompi_mpi_*</c> objects, as its
/// <c>mpi.h</c> defines them. The library is opened with <c>RTLD_GLOBAL</c>: Open MPI's plug-ins
/// resolve their symbols against it.
/// </summary>
/// <remarks>
/// Why not MPI.NET 1.4.0: its NuGet build is compiled against Microsoft MPI's ABI (integer handles
/// such as <c>MPI_COMM_WORLD = 0x44000000</c> baked in, P/Invokes into <c>msmpi.dll</c>); over Open
/// MPI, whose handles are pointers, its first communicator call crashes (SIGSEGV).
/// </remarks>
internal static unsafe class OpenMpi
{
    /// <summary>The library name, overridable with the <c>MLEGEN_MPI_LIBRARY</c> environment variable (a path to another Open MPI 4.x/5.x <c>libmpi</c>).</summary>
    public const string DefaultLibrary = "libmpi.so.40";

    /// <summary>MPI_THREAD_SERIALIZED: any thread may call MPI, one at a time (the fit calls it from whichever thread runs it).</summary>
    public const int ThreadSerialized = 2;

    /// <summary>MPI_SUCCESS.</summary>
    private const int Success = 0;

    /// <summary>dlopen flags: RTLD_NOW | RTLD_GLOBAL (glibc).</summary>
    private const int RtldNowGlobal = 0x2 | 0x100;

    /// <summary>Bytes reserved for an MPI_Status (Open MPI's is 24; room to spare).</summary>
    public const int StatusBytes = 64;

    private static readonly object Gate = new();
    private static bool _loaded;

    public static nint CommWorld { get; private set; }

    public static nint Double { get; private set; }

    public static nint Byte { get; private set; }

    public static delegate* unmanaged<int*, int> Initialized { get; private set; }

    public static delegate* unmanaged<int*, int> Finalized { get; private set; }

    public static delegate* unmanaged<int*, byte***, int, int*, int> InitThread { get; private set; }

    public static delegate* unmanaged<int> Finalize { get; private set; }

    public static delegate* unmanaged<nint, int*, int> CommRank { get; private set; }

    public static delegate* unmanaged<nint, int*, int> CommSize { get; private set; }

    public static delegate* unmanaged<nint, nint*, int> CommDup { get; private set; }

    public static delegate* unmanaged<nint*, int> CommFree { get; private set; }

    public static delegate* unmanaged<void*, int, nint, int, int, nint, int> Send { get; private set; }

    public static delegate* unmanaged<void*, int, nint, int, int, nint, void*, int> Recv { get; private set; }

    public static delegate* unmanaged<int, int, nint, void*, int> Probe { get; private set; }

    public static delegate* unmanaged<void*, nint, int*, int> GetCount { get; private set; }

    public static delegate* unmanaged<void*, int, nint, int, nint, int> Bcast { get; private set; }

    public static delegate* unmanaged<nint, int, int> Abort { get; private set; }

    /// <summary>Opens the library once and resolves every entry point and handle.</summary>
    public static void Load()
    {
        lock (Gate)
        {
            if (_loaded)
            {
                return;
            }

            string name = Environment.GetEnvironmentVariable("MLEGEN_MPI_LIBRARY") is { Length: > 0 } custom ? custom : DefaultLibrary;
            nint library = DynamicLinker.Open(name, RtldNowGlobal);
            if (library == 0)
            {
                throw new DllNotFoundException($"MleGen.Mpi needs Open MPI's {name} ({DynamicLinker.LastError()}). On Debian/Ubuntu: apt-get install openmpi-bin libopenmpi-dev; elsewhere set MLEGEN_MPI_LIBRARY to the path of Open MPI's libmpi.");
            }

            CommWorld = Export(library, "ompi_mpi_comm_world");
            Double = Export(library, "ompi_mpi_double");
            Byte = Export(library, "ompi_mpi_byte");
            Initialized = (delegate* unmanaged<int*, int>)Export(library, "MPI_Initialized");
            Finalized = (delegate* unmanaged<int*, int>)Export(library, "MPI_Finalized");
            InitThread = (delegate* unmanaged<int*, byte***, int, int*, int>)Export(library, "MPI_Init_thread");
            Finalize = (delegate* unmanaged<int>)Export(library, "MPI_Finalize");
            CommRank = (delegate* unmanaged<nint, int*, int>)Export(library, "MPI_Comm_rank");
            CommSize = (delegate* unmanaged<nint, int*, int>)Export(library, "MPI_Comm_size");
            CommDup = (delegate* unmanaged<nint, nint*, int>)Export(library, "MPI_Comm_dup");
            CommFree = (delegate* unmanaged<nint*, int>)Export(library, "MPI_Comm_free");
            Send = (delegate* unmanaged<void*, int, nint, int, int, nint, int>)Export(library, "MPI_Send");
            Recv = (delegate* unmanaged<void*, int, nint, int, int, nint, void*, int>)Export(library, "MPI_Recv");
            Probe = (delegate* unmanaged<int, int, nint, void*, int>)Export(library, "MPI_Probe");
            GetCount = (delegate* unmanaged<void*, nint, int*, int>)Export(library, "MPI_Get_count");
            Bcast = (delegate* unmanaged<void*, int, nint, int, nint, int>)Export(library, "MPI_Bcast");
            Abort = (delegate* unmanaged<nint, int, int>)Export(library, "MPI_Abort");
            _loaded = true;
        }
    }

    /// <summary>Throws when an MPI call returned an error (with Open MPI's default handler, errors abort the job before this).</summary>
    public static void Check(int code, string call)
    {
        if (code != Success)
        {
            throw new InvalidOperationException($"{call} failed with MPI error code {code}.");
        }
    }

    private static nint Export(nint library, string name) =>
        NativeLibrary.TryGetExport(library, name, out nint address)
            ? address
            : throw new EntryPointNotFoundException($"The MPI library has no '{name}': MleGen.Mpi binds Open MPI (4.x or later), whose handles are its exported ompi_mpi_* objects.");
}

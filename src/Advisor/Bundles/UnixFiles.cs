using System.Runtime.InteropServices;

namespace Advisor.Bundles;

/// <summary>
/// What .NET's file APIs do not tell on Linux, asked of the kernel: whether a path is a regular file (opening a FIFO
/// blocks until something writes to it, and a device can be endless) and whether a folder can be listed (.NET's
/// recursive listing skips one it may not enter without a word). Where the C library cannot be called (no glibc),
/// both answer yes, and opening or listing then reports what is wrong.
/// </summary>
internal static unsafe partial class UnixFiles
{
    private const string Library = "libc.so.6";
    private const int CurrentFolder = -100; // AT_FDCWD
    private const int FollowLinks = 0;
    private const uint WantType = 0x1; // STATX_TYPE
    private const int StatxSize = 256;
    private const int ModeOffset = 28; // struct statx: stx_mask, stx_blksize, stx_attributes, stx_nlink, stx_uid, stx_gid, stx_mode
    private const int TypeBits = 0xF000; // S_IFMT
    private const int Regular = 0x8000; // S_IFREG
    private const int ReadAndSearch = 4 | 1; // R_OK | X_OK

    [LibraryImport(Library, EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int folder, string path, int flags, uint mask, byte* result);

    [LibraryImport(Library, EntryPoint = "access", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Access(string path, int mode);

    /// <summary>
    /// False when <paramref name="path"/> (or what it links to) is a FIFO, socket or device. True for a regular file,
    /// and whenever the kernel cannot be asked (no such file: opening it then says so).
    /// </summary>
    public static bool IsRegularFile(string path)
    {
        var result = stackalloc byte[StatxSize];
        try
        {
            if (Statx(CurrentFolder, path, FollowLinks, WantType, result) != 0) return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return true;
        }

        return (*(ushort*)(result + ModeOffset) & TypeBits) == Regular;
    }

    /// <summary>False when this process may not list <paramref name="folder"/> (read it and enter it).</summary>
    public static bool CanList(string folder)
    {
        try
        {
            return Access(folder, ReadAndSearch) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return true;
        }
    }
}

using System.Runtime.InteropServices;

namespace Advisor.Bundles;

/// <summary>
/// Tells a regular file from a FIFO, socket or device, which .NET's file APIs do not: opening a FIFO blocks until
/// something writes to it, and a device can be endless. Asks the kernel with <c>statx(2)</c> (glibc 2.28 and later).
/// </summary>
internal static unsafe partial class UnixFileType
{
    private const string Library = "libc.so.6";
    private const int CurrentFolder = -100; // AT_FDCWD
    private const int FollowLinks = 0;
    private const uint WantType = 0x1; // STATX_TYPE
    private const int StatxSize = 256;
    private const int ModeOffset = 28; // struct statx: stx_mask, stx_blksize, stx_attributes, stx_nlink, stx_uid, stx_gid, stx_mode
    private const int TypeBits = 0xF000; // S_IFMT
    private const int Regular = 0x8000; // S_IFREG

    [LibraryImport(Library, EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int folder, string path, int flags, uint mask, byte* result);

    /// <summary>
    /// False when <paramref name="path"/> (or what it links to) is a FIFO, socket or device. True for a regular file, and whenever the
    /// kernel cannot be asked (no glibc, no such file): opening it then reports what is wrong.
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
}

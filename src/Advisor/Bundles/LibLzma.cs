using System.Runtime.InteropServices;

namespace Advisor.Bundles;

/// <summary>The few liblzma (xz) entry points the native decoder and encoder streams call, from lzma/base.h and lzma/container.h.</summary>
internal static unsafe partial class LibLzma
{
    public const string Library = "liblzma.so.5";

    public enum LzmaReturn
    {
        Ok = 0,
        StreamEnd = 1,
        NoCheck = 2,
        UnsupportedCheck = 3,
        GetCheck = 4,
        MemError = 5,
        MemlimitError = 6,
        FormatError = 7,
        OptionsError = 8,
        DataError = 9,
        BufError = 10,
        ProgError = 11,
    }

    public enum LzmaAction
    {
        Run = 0,
        Finish = 3,
    }

    /// <summary><c>lzma_stream</c>; <c>LZMA_STREAM_INIT</c> is all zeros.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct LzmaStream
    {
        public byte* NextIn;
        public nuint AvailIn;
        public ulong TotalIn;
        public byte* NextOut;
        public nuint AvailOut;
        public ulong TotalOut;
        public nint Allocator;
        public nint Internal;
        public nint ReservedPtr1;
        public nint ReservedPtr2;
        public nint ReservedPtr3;
        public nint ReservedPtr4;
        public ulong SeekPos;
        public ulong ReservedInt2;
        public nuint ReservedInt3;
        public nuint ReservedInt4;
        public int ReservedEnum1;
        public int ReservedEnum2;
    }

    [LibraryImport(Library)]
    public static partial LzmaReturn lzma_stream_decoder(LzmaStream* stream, ulong memlimit, uint flags);

    [LibraryImport(Library)]
    public static partial LzmaReturn lzma_easy_encoder(LzmaStream* stream, uint preset, int check);

    [LibraryImport(Library)]
    public static partial LzmaReturn lzma_code(LzmaStream* stream, LzmaAction action);

    [LibraryImport(Library)]
    public static partial void lzma_end(LzmaStream* stream);
}

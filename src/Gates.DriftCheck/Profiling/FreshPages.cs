using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Gates.DriftCheck.Profiling;

/// <summary>
/// Maps in the pages of a range of a new array with one system call (Linux <c>madvise(MADV_POPULATE_WRITE)</c>) just
/// before it is filled, instead of one page fault per 4 KiB page as the first writes touch them: on a virtual machine
/// whose memory management is paravirtualised every fault is a costly exit. Elsewhere (another system, a kernel
/// before 5.14) it does nothing and the pages fault in as usual.
/// </summary>
internal static class FreshPages
{
    private const int PopulateWrite = 23;
    private const long Page = 4096;
    private static volatile bool works = OperatingSystem.IsLinux();

    public static bool Works => works;

    /// <summary>Maps in the pages that hold <c>array[start..(start + count)]</c> (the part of it inside the array).</summary>
    public static void Populate<T>(T[] array, int start, int count)
        where T : unmanaged
    {
        if (!works || count <= 0)
        {
            return;
        }

        var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        try
        {
            // Every page that holds part of the range: all of them hold part of the array, so they are committed memory.
            var data = (long)handle.AddrOfPinnedObject();
            var last = Math.Min(start + (long)count, array.Length);
            var size = Unsafe.SizeOf<T>();
            var first = (data + ((long)start * size)) & ~(Page - 1);
            var end = (data + (last * size) + Page - 1) & ~(Page - 1);
            if (end > first && Madvise((nint)first, (nuint)(end - first), PopulateWrite) != 0)
            {
                // EINVAL: a kernel without MADV_POPULATE_WRITE; stop asking.
                works = Marshal.GetLastPInvokeError() != 22;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            works = false;
        }
        finally
        {
            handle.Free();
        }
    }

    [DllImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static extern int Madvise(nint address, nuint length, int advice);
}

namespace Gates.DriftCheck;

internal static class Program
{
    public static int Main() => 0;
}

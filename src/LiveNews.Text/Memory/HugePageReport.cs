namespace LiveNews.Text.Memory;

/// <summary>What one <see cref="ManagedHeapPages.Apply"/> did.</summary>
/// <param name="Mode">The mode applied.</param>
/// <param name="AdvisedBytes">The length of the address range marked as wanting huge pages.</param>
/// <param name="CollapsedBytes">The committed bytes rebuilt out of huge pages (or found already so).</param>
/// <param name="HugePageBytes">The process's anonymous memory in huge pages afterwards; -1 when unknown.</param>
/// <param name="Problem">Why the system refused, or null; the heap keeps working either way.</param>
public sealed record HugePageReport(HugePageMode Mode, long AdvisedBytes, long CollapsedBytes, long HugePageBytes, string? Problem)
{
    /// <summary>A report of nothing done, with the reason.</summary>
    public static HugePageReport NotDone(HugePageMode mode, string? problem) => new(mode, 0, 0, -1, problem);
}

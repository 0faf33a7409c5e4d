namespace LiveNews.Text.Memory;

/// <summary>How LiveNews asks Linux to back the managed heap with 2 MiB pages (<see cref="ManagedHeapPages"/>).</summary>
public enum HugePageMode
{
    /// <summary>Leaves the heap as the runtime maps it (4 KiB pages where the system's setting is "madvise").</summary>
    Off,

    /// <summary>Marks the heap's address range as wanting huge pages; memory committed later may get them.</summary>
    Advise,

    /// <summary>Marks it, and also rebuilds what is committed now out of huge pages (Linux 6.1 or later).</summary>
    Collapse,
}

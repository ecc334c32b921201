namespace Hotline.Telephony.Tests;

/// <summary>Tests that measure the process's heap, run when no other test of the assembly is running.</summary>
[CollectionDefinition(nameof(HeapMeasuringCollection), DisableParallelization = true)]
public sealed class HeapMeasuringCollection;

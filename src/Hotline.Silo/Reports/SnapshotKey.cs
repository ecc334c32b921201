namespace Hotline.Silo.Reports;

/// <summary>One row of the daily snapshot: a local day, a breakdown and the breakdown's key ("" for <see cref="ReportDimension.All"/>).</summary>
internal readonly record struct SnapshotKey(DateOnly Day, ReportDimension Dimension, string Key);

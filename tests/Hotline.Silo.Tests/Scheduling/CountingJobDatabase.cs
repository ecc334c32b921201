namespace Hotline.Silo.Tests.Scheduling;

internal sealed record CountingJobDatabase(string ConnectionString);

using System.Diagnostics;

namespace ThiDua.LoadTest;

/// <summary>Keeps the generator off the app's core: the harness pins itself with the same CPU-list syntax as taskset.</summary>
public static class Pinning
{
    public static void PinCurrentProcess(string cpus)
    {
        // Process.ProcessorAffinity would pin only the main thread on Linux; "taskset -a" pins every
        // thread that exists now, and threads started later inherit it from the thread that starts them.
        using var taskset = Process.Start(new ProcessStartInfo("taskset", ["-a", "-p", "-c", cpus, Environment.ProcessId.ToString()])
        {
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("taskset did not start");
        taskset.StandardOutput.ReadToEnd();
        taskset.WaitForExit();
        if (taskset.ExitCode != 0) throw new ArgumentException($"taskset could not pin the harness to CPU '{cpus}'.");
    }
}

namespace ThiDua.Dashboard;

/// <summary>
/// The one answer of a service's write (the award book, the account service): done, or refused with
/// every Vietnamese reason — also when its audit entry could not be written, and then nothing was
/// stored. A refusal is never thrown, so a page or an endpoint handles every write the same way.
/// </summary>
public record Outcome(IReadOnlyList<string> Problems)
{
    public static Outcome Ok { get; } = new([]);

    public bool Done => Problems.Count == 0;

    /// <summary>The reasons as one sentence run, for a single message line; null when done.</summary>
    public string? Problem => Done ? null : string.Join(" ", Problems);

    public static Outcome Refused(params IReadOnlyList<string> problems) => new(problems);
}

/// <summary>As <see cref="Outcome"/>, with what the write made (the user, the key, the record…) when done.</summary>
public sealed record Outcome<T> : Outcome
{
    public Outcome(T? value, IReadOnlyList<string> problems) : base(problems) => Value = value;

    public T? Value { get; }

    public static Outcome<T> Made(T value) => new(value, []);

    public static new Outcome<T> Refused(params IReadOnlyList<string> problems) => new(default, problems);

    public void Deconstruct(out T? value, out string? problem) => (value, problem) = (Value, Problem);
}

namespace ThiDua.Scoring.Text;

/// <summary>
/// What an error message may quote of the input it refuses: at most <see cref="MaxChars"/> characters,
/// then "…". A 200,000-character unit code must not come back whole in every error of a batch.
/// </summary>
public static class Echo
{
    public const int MaxChars = 100;

    public static string Input(string? text)
    {
        if (text is null || text.Length <= MaxChars) return text ?? "";
        // Never cut between the two halves of a surrogate pair: the answer must stay valid UTF-16.
        var length = char.IsHighSurrogate(text[MaxChars - 1]) ? MaxChars - 1 : MaxChars;
        return string.Concat(text.AsSpan(0, length), "…");
    }
}

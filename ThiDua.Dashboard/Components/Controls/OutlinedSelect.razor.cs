using Microsoft.AspNetCore.Components;

namespace ThiDua.Dashboard.Components.Controls;

/// <summary>A choice among a list, or none (<see cref="EmptyText"/>), e.g. the board's district filter.</summary>
/// <remarks>
/// A MudSelect builds a MudSelectItem component per option even while closed, and keeps them, with
/// their parameter state and render buffers, in every open circuit; the board page's unit picker
/// lists a whole block. One native select is one component whatever the list's length, and the
/// browser's own list (type-ahead, a phone's picker).
/// </remarks>
public sealed partial class OutlinedSelect
{
    /// <summary>A value and the words shown for it.</summary>
    public sealed record Option(string Value, string Text);

    [Parameter, EditorRequired] public string Label { get; set; } = "";
    [Parameter, EditorRequired] public string Id { get; set; } = "";
    [Parameter, EditorRequired] public IReadOnlyList<Option> Options { get; set; } = [];
    /// <summary>What the field shows when nothing is chosen; choosing it clears the value.</summary>
    [Parameter] public string EmptyText { get; set; } = "";
    [Parameter] public string? Value { get; set; }
    [Parameter] public EventCallback<string?> ValueChanged { get; set; }
    [Parameter] public string? TestId { get; set; }

    private Task OnChangeAsync(ChangeEventArgs e) =>
        ValueChanged.InvokeAsync(e.Value is string { Length: > 0 } chosen ? chosen : null);
}

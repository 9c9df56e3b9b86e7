using Microsoft.AspNetCore.Components;

namespace ThiDua.Dashboard.Components.Presenter;

public sealed partial class PresenterLayout : IDisposable
{
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The theme is part of the show's address (<c>?giaodien=toi</c>), so a link recreates it.</summary>
    private bool Dark => new Uri(Navigation.Uri).Query.Contains("giaodien=toi", StringComparison.Ordinal);

    protected override void OnInitialized() => Navigation.LocationChanged += OnLocationChanged;

    private void OnLocationChanged(object? sender, Microsoft.AspNetCore.Components.Routing.LocationChangedEventArgs e) => InvokeAsync(StateHasChanged);

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;
}

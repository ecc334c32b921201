namespace Hotline.Silo.Grains;

/// <summary>Optional lifecycle of a grain: activation runs as the first turn (load state), deactivation as the last.</summary>
internal interface IActivationHooks
{
    Task OnActivateAsync(CancellationToken cancellationToken);

    Task OnDeactivateAsync(CancellationToken cancellationToken);
}

namespace Ledger.Gateway.Peers;

/// <summary>
/// Thrown by <see cref="PeerConnector"/> before any connection is attempted: the published
/// gateway's host resolves only to addresses this deployment does not allow (see <see cref="PeerHostPolicy"/>).
/// </summary>
internal sealed class PeerHostRefusedException(string message) : Exception(message);

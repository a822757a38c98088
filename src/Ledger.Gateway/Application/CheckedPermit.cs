using Ledger.Core.Registration;

namespace Ledger.Gateway.Application;

/// <summary>A draft that passed every check: what goes on chain, and the document the issuer's gateway keeps.</summary>
/// <param name="Registration">The anchored fields.</param>
/// <param name="Document">The document's bytes exactly as given (their SHA-256 is <see cref="PermitRegistration.DocumentHash"/>).</param>
/// <param name="MediaType">What the bytes are, as far as the gateway can tell (<see cref="DocumentMediaTypes"/>).</param>
internal sealed record CheckedPermit(PermitRegistration Registration, ReadOnlyMemory<byte> Document, string MediaType);

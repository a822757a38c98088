// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title IGatewayDirectory
/// @notice Where each authority's gateway answers and which TLS certificate it presents, so
/// that gateways find and trust each other without a hub or a shared certificate authority:
/// a calling gateway pins the published fingerprint. Only a URL and a certificate hash are
/// stored, never personal data.
interface IGatewayDirectory {
    /// @notice An authority's gateway entry was set or replaced.
    /// @param account The authority whose gateway it is.
    /// @param actor The issuer that published it (the account itself, or its country's issuer).
    /// @param url The gateway's base URL.
    /// @param fingerprint SHA-256 of the DER-encoded TLS certificate the gateway presents.
    event GatewayPublished(address indexed account, address indexed actor, string url, bytes32 fingerprint);

    /// @notice A gateway URL must not be empty.
    /// @param account The authority.
    error EmptyGatewayUrl(address account);

    /// @notice The gateway URL is longer than the registry stores.
    /// @param account The authority.
    /// @param length Its length in bytes.
    /// @param max The largest length accepted.
    error GatewayUrlTooLong(address account, uint256 length, uint256 max);

    /// @notice A certificate fingerprint must be non-zero: a zero value could never be pinned.
    /// @param account The authority.
    error ZeroFingerprint(address account);

    /// @notice Publishes (or replaces) the gateway of `account`. Caller: an active Issuer, for
    /// itself or for an agency (customs, scientific authority, single window) of its country.
    /// @param account The caller, or an agency of the caller's country.
    /// @param url The gateway's base URL, 1 to MAX_GATEWAY_URL_LENGTH bytes.
    /// @param fingerprint Non-zero SHA-256 of the DER-encoded TLS certificate the gateway presents.
    function publishGateway(address account, string calldata url, bytes32 fingerprint) external;

    /// @notice The published gateway of an authority.
    /// @param account The authority.
    /// @return url Its gateway's base URL (empty when none was published).
    /// @return fingerprint SHA-256 of its TLS certificate (zero when none was published).
    function gatewayOf(address account) external view returns (string memory url, bytes32 fingerprint);
}

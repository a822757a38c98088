// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AuthorityDirectory} from "./AuthorityDirectory.sol";
import {IGatewayDirectory} from "./IGatewayDirectory.sol";

/// @title GatewayDirectory
/// @notice Each authority's gateway URL and TLS certificate fingerprint. An issuer publishes
/// its own entry and those of its country's agencies, as it designates and suspends them;
/// agencies do not publish for themselves, so one key per country answers for what its
/// gateways claim to be.
abstract contract GatewayDirectory is AuthorityDirectory {
    /// @notice Longest gateway URL stored, in bytes: a base URL with host and port, no more.
    uint256 public constant MAX_GATEWAY_URL_LENGTH = 256;

    /// @dev The fingerprint first: a reader that only pins reads one slot and the URL's length word.
    struct Gateway {
        bytes32 fingerprint;
        string url;
    }

    mapping(address account => Gateway) private _gateways;

    /// @inheritdoc IGatewayDirectory
    function publishGateway(address account, string calldata url, bytes32 fingerprint) external {
        bytes2 country = _requireActiveIssuer(msg.sender);
        if (account != msg.sender) _requireAgencyOf(account, country);
        uint256 length = bytes(url).length;
        if (length == 0) revert EmptyGatewayUrl(account);
        if (length > MAX_GATEWAY_URL_LENGTH) revert GatewayUrlTooLong(account, length, MAX_GATEWAY_URL_LENGTH);
        if (fingerprint == bytes32(0)) revert ZeroFingerprint(account);
        _gateways[account] = Gateway({fingerprint: fingerprint, url: url});
        emit GatewayPublished(account, msg.sender, url, fingerprint);
    }

    /// @inheritdoc IGatewayDirectory
    function gatewayOf(address account) external view returns (string memory url, bytes32 fingerprint) {
        Gateway storage g = _gateways[account];
        return (g.url, g.fingerprint);
    }
}

// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Script} from "forge-std/Script.sol";
import {console} from "forge-std/console.sol";
import {AuthorityRegistry} from "../src/authority/AuthorityRegistry.sol";
import {PermitRegistry} from "../src/permit/PermitRegistry.sol";

/// @notice Deploys the AuthorityRegistry with its founding issuers and their validator nodes,
/// then the PermitRegistry on top of it. Founders come from the environment, comma-separated,
/// in the same order:
///   FOUNDING_ISSUERS=0xabc...,0xdef...   issuer accounts
///   FOUNDING_COUNTRIES=CH,DE             ISO 3166-1 alpha-2 codes
///   FOUNDING_CODES=FSVO,BfN              short codes (at most 32 bytes each)
///   FOUNDING_NODES=0x123...,0x456...     validator node addresses (block-signing keys)
/// Example (local anvil, unlocked dev account as sender):
///   forge script script/Deploy.s.sol --rpc-url http://127.0.0.1:8545 --broadcast --unlocked --sender 0x...
contract Deploy is Script {
    /// @notice A country code in the environment is not exactly two characters.
    error BadCountryCode(string code);

    /// @notice A code in the environment is longer than 32 bytes.
    error CodeTooLong(string code);

    /// @notice Reads the founders from the environment and deploys both contracts.
    /// @return registry The AuthorityRegistry.
    /// @return permits The PermitRegistry.
    function run() external returns (AuthorityRegistry registry, PermitRegistry permits) {
        address[] memory issuers = vm.envAddress("FOUNDING_ISSUERS", ",");
        string[] memory countries = vm.envString("FOUNDING_COUNTRIES", ",");
        string[] memory codes = vm.envString("FOUNDING_CODES", ",");
        address[] memory nodes = vm.envAddress("FOUNDING_NODES", ",");
        vm.startBroadcast();
        (registry, permits) = deploy(issuers, toCountries(countries), toCodes(codes), nodes);
        vm.stopBroadcast();
        console.log("AuthorityRegistry", address(registry));
        console.log("PermitRegistry", address(permits));
    }

    /// @notice Deploys both contracts from explicit founders (what {run} does after parsing).
    /// @param issuers Founding issuer accounts.
    /// @param countries Their countries.
    /// @param codes Their codes.
    /// @param nodes Their validator node addresses.
    /// @return registry The AuthorityRegistry.
    /// @return permits The PermitRegistry.
    function deploy(address[] memory issuers, bytes2[] memory countries, bytes32[] memory codes, address[] memory nodes)
        public
        returns (AuthorityRegistry registry, PermitRegistry permits)
    {
        registry = new AuthorityRegistry(issuers, countries, codes, nodes);
        permits = new PermitRegistry(address(registry));
    }

    /// @notice "CH" -> 0x4348. The registry itself rejects anything but two letters A-Z.
    /// @param codes Two-character strings.
    /// @return out The codes as bytes2.
    function toCountries(string[] memory codes) public pure returns (bytes2[] memory out) {
        out = new bytes2[](codes.length);
        for (uint256 i; i < codes.length; ++i) {
            bytes memory b = bytes(codes[i]);
            if (b.length != 2) revert BadCountryCode(codes[i]);
            // casting to 'bytes2' is safe because the length is exactly 2
            // forge-lint: disable-next-line(unsafe-typecast)
            out[i] = bytes2(b);
        }
    }

    /// @notice "FSVO" -> "FSVO" left-aligned in 32 bytes, zero-padded (as `cast format-bytes32-string`).
    /// @param codes Strings of at most 32 bytes.
    /// @return out The codes as bytes32.
    function toCodes(string[] memory codes) public pure returns (bytes32[] memory out) {
        out = new bytes32[](codes.length);
        for (uint256 i; i < codes.length; ++i) {
            bytes memory b = bytes(codes[i]);
            if (b.length > 32) revert CodeTooLong(codes[i]);
            // casting to 'bytes32' is safe because the length is at most 32 (right-padded with zeros)
            // forge-lint: disable-next-line(unsafe-typecast)
            out[i] = bytes32(b);
        }
    }
}

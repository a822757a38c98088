// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {AuthorityRegistry} from "../../src/authority/AuthorityRegistry.sol";
import {AuthorityKind, AuthorityStatus} from "../../src/authority/AuthorityTypes.sol";
import {PermitRegistry} from "../../src/permit/PermitRegistry.sol";
import {PermitInput, PermitType} from "../../src/permit/PermitTypes.sol";

/// @notice A small network shared by the permit tests: three founding issuers (CH, DE, KE),
/// one customs authority per country and a second customs office in CH.
abstract contract LedgerFixture is Test {
    bytes2 internal constant CH = "CH";
    bytes2 internal constant DE = "DE";
    bytes2 internal constant KE = "KE";
    uint40 internal constant T0 = 1_800_000_000;
    uint40 internal constant VALIDITY = 180 days;
    bytes32 internal constant ACTOR = keccak256("officer-1");

    address internal issuerCH = makeAddr("issuer-CH");
    address internal issuerDE = makeAddr("issuer-DE");
    address internal issuerKE = makeAddr("issuer-KE");
    address internal customsCH = makeAddr("customs-CH");
    address internal customsCH2 = makeAddr("customs-CH-2");
    address internal customsDE = makeAddr("customs-DE");
    address internal customsKE = makeAddr("customs-KE");

    AuthorityRegistry internal registry;
    PermitRegistry internal permits;

    function setUp() public virtual {
        vm.warp(T0);
        address[] memory issuers = new address[](3);
        bytes2[] memory countries = new bytes2[](3);
        bytes32[] memory codes = new bytes32[](3);
        (issuers[0], countries[0], codes[0]) = (issuerCH, CH, "FSVO");
        (issuers[1], countries[1], codes[1]) = (issuerDE, DE, "BfN");
        (issuers[2], countries[2], codes[2]) = (issuerKE, KE, "KWS");
        address[] memory nodes = new address[](3);
        (nodes[0], nodes[1], nodes[2]) = (makeAddr("node-CH"), makeAddr("node-DE"), makeAddr("node-KE"));
        registry = new AuthorityRegistry(issuers, countries, codes, nodes);
        permits = new PermitRegistry(address(registry));
        _designate(issuerCH, customsCH, AuthorityKind.Customs, "Customs CH Basel");
        _designate(issuerCH, customsCH2, AuthorityKind.Customs, "Customs CH Geneva");
        _designate(issuerDE, customsDE, AuthorityKind.Customs, "Zoll DE");
        _designate(issuerKE, customsKE, AuthorityKind.Customs, "KRA Customs");
    }

    function _designate(address issuer, address account, AuthorityKind kind, bytes32 code) internal {
        vm.prank(issuer);
        registry.designate(account, kind, code);
    }

    /// @dev A CITES export permit valid from now for VALIDITY, one shipment, to `destination`.
    function _permit(bytes32 key, uint96[] memory lines, bytes2 destination)
        internal
        view
        returns (PermitInput memory p)
    {
        p.key = key;
        // Off chain this is SHA-256 of the document; the contract treats it as opaque. keccak
        // keeps this helper free of precompile calls, which would consume a vm.expectRevert.
        p.documentHash = keccak256(abi.encode("document", key));
        p.permitType = PermitType.CitesExport;
        p.validFrom = uint40(block.timestamp);
        p.validUntil = uint40(block.timestamp) + VALIDITY;
        p.destination = destination;
        p.maxShipments = 1;
        p.actorRef = ACTOR;
        p.lines = lines;
    }

    function _register(address issuer, PermitInput memory p) internal {
        vm.prank(issuer);
        permits.register(p);
    }

    /// @dev Registers a one-shipment CH export permit to DE and returns its key.
    function _registerCH(string memory id, uint96[] memory lines) internal returns (bytes32 key) {
        key = keccak256(bytes(id));
        _register(issuerCH, _permit(key, lines, DE));
    }

    /// @dev Admits a new issuer; with three founders the proposer and one more vote suffice.
    function _admitIssuer(string memory name, bytes2 country) internal returns (address account) {
        account = makeAddr(name);
        vm.prank(issuerDE);
        uint256 id = registry.proposeIssuer(account, country, "second issuer", makeAddr(string.concat("node-", name)));
        vm.prank(issuerKE);
        registry.vote(id);
    }

    /// @dev Suspends an issuer with the votes of the other active issuers.
    function _suspendIssuer(address issuer) internal {
        address[] memory all = registry.authorities();
        uint256 id;
        for (uint256 i; i < all.length; ++i) {
            if (all[i] == issuer || !registry.isActive(all[i], AuthorityKind.Issuer, registry.authorityOf(all[i]).country))
            {
                continue;
            }
            if (registry.authorityOf(issuer).status == AuthorityStatus.Suspended) break;
            vm.prank(all[i]);
            if (id == 0) id = registry.proposeSuspension(issuer);
            else registry.vote(id);
        }
        assertEq(uint8(registry.authorityOf(issuer).status), uint8(AuthorityStatus.Suspended));
    }

    function _lines(uint96 a) internal pure returns (uint96[] memory l) {
        l = new uint96[](1);
        l[0] = a;
    }

    function _lines(uint96 a, uint96 b) internal pure returns (uint96[] memory l) {
        l = new uint96[](2);
        (l[0], l[1]) = (a, b);
    }

    function _lines(uint96 a, uint96 b, uint96 c) internal pure returns (uint96[] memory l) {
        l = new uint96[](3);
        (l[0], l[1], l[2]) = (a, b, c);
    }

    function _ref(string memory s) internal pure returns (bytes32) {
        return keccak256(bytes(s));
    }
}

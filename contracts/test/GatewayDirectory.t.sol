// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AuthorityKind, AuthorityStatus} from "../src/authority/AuthorityTypes.sol";
import {IAuthorityChecks} from "../src/authority/IAuthorityChecks.sol";
import {IAuthorityRegistry} from "../src/authority/IAuthorityRegistry.sol";
import {IGatewayDirectory} from "../src/authority/IGatewayDirectory.sol";
import {AuthorityFixture} from "./utils/AuthorityFixture.sol";

/// @notice The gateway directory: an active issuer publishes the URL and TLS certificate
/// fingerprint of its own gateway and of its country's agencies' gateways, nobody else's.
contract GatewayDirectoryTest is AuthorityFixture {
    string internal constant URL_CH = "https://ledger.fsvo.admin.ch:8443";
    // SHA-256 of a certificate, as the gateway computes it off chain (opaque here).
    bytes32 internal constant FP_CH = 0x9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08;
    bytes32 internal constant FP_NEW = 0x60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752;

    address internal issuerCH;
    address internal issuerDE;
    address internal customsCH = makeAddr("customs-CH");
    address internal customsDE = makeAddr("customs-DE");

    function setUp() public {
        _deploy(3);
        (issuerCH, issuerDE) = (founders[0], founders[1]);
        vm.prank(issuerCH);
        registry.designate(customsCH, AuthorityKind.Customs, "Basel");
        vm.prank(issuerDE);
        registry.designate(customsDE, AuthorityKind.Customs, "Zoll");
    }

    function test_publishGateway_issuerForItself() public {
        (string memory url, bytes32 fp) = registry.gatewayOf(issuerCH);
        assertEq(bytes(url).length, 0, "none before");
        assertEq(fp, bytes32(0));

        vm.expectEmit(true, true, true, true);
        emit IGatewayDirectory.GatewayPublished(issuerCH, issuerCH, URL_CH, FP_CH);
        vm.prank(issuerCH);
        registry.publishGateway(issuerCH, URL_CH, FP_CH);
        (url, fp) = registry.gatewayOf(issuerCH);
        assertEq(url, URL_CH);
        assertEq(fp, FP_CH);
    }

    function test_publishGateway_issuerForItsCountrysAgencies() public {
        vm.expectEmit(true, true, true, true);
        emit IGatewayDirectory.GatewayPublished(customsCH, issuerCH, "https://customs.example.ch", FP_CH);
        vm.prank(issuerCH);
        registry.publishGateway(customsCH, "https://customs.example.ch", FP_CH);
        (string memory url, bytes32 fp) = registry.gatewayOf(customsCH);
        assertEq(url, "https://customs.example.ch");
        assertEq(fp, FP_CH);

        // A suspended agency keeps its entry and may be given a new one (its issuer manages it).
        vm.prank(issuerCH);
        registry.suspendAgency(customsCH);
        vm.prank(issuerCH);
        registry.publishGateway(customsCH, "https://customs2.example.ch", FP_NEW);
        (url, fp) = registry.gatewayOf(customsCH);
        assertEq(url, "https://customs2.example.ch");
        assertEq(fp, FP_NEW);
    }

    function test_publishGateway_replacesTheEntry() public {
        vm.startPrank(issuerCH);
        registry.publishGateway(issuerCH, URL_CH, FP_CH);
        // A renewed certificate: new fingerprint, longer URL then a shorter one.
        registry.publishGateway(issuerCH, "https://a-much-longer-host-name-for-the-gateway.fsvo.admin.ch:8443/", FP_NEW);
        registry.publishGateway(issuerCH, "https://g.ch", FP_NEW);
        vm.stopPrank();
        (string memory url, bytes32 fp) = registry.gatewayOf(issuerCH);
        assertEq(url, "https://g.ch");
        assertEq(fp, FP_NEW);
    }

    function test_publishGateway_refusesOtherCountriesIssuersAndUnknownAccounts() public {
        vm.startPrank(issuerCH);
        vm.expectRevert(abi.encodeWithSelector(IAuthorityChecks.WrongCountry.selector, issuerCH, CH, DE));
        registry.publishGateway(customsDE, URL_CH, FP_CH);
        vm.expectRevert(abi.encodeWithSelector(IAuthorityRegistry.NotAnAgencyKind.selector, AuthorityKind.Issuer));
        registry.publishGateway(issuerDE, URL_CH, FP_CH);
        address stranger = makeAddr("stranger");
        vm.expectRevert(abi.encodeWithSelector(IAuthorityRegistry.UnknownAuthority.selector, stranger));
        registry.publishGateway(stranger, URL_CH, FP_CH);
        vm.stopPrank();
        _assertNoGateway(customsDE);
        _assertNoGateway(issuerDE);
    }

    function test_publishGateway_refusesSecretariatTargets() public {
        address secretariat = makeAddr("secretariat");
        vm.prank(issuerCH);
        uint256 id = registry.proposeSecretariat(secretariat, CH, "CITES Secretariat");
        _carry(id);
        vm.expectRevert(abi.encodeWithSelector(IAuthorityRegistry.NotAnAgencyKind.selector, AuthorityKind.Secretariat));
        vm.prank(issuerCH);
        registry.publishGateway(secretariat, URL_CH, FP_CH);
    }

    function test_publishGateway_refusesCallersOtherThanActiveIssuers() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IAuthorityChecks.WrongAuthorityKind.selector, customsCH, AuthorityKind.Customs, AuthorityKind.Issuer
            )
        );
        vm.prank(customsCH);
        registry.publishGateway(customsCH, URL_CH, FP_CH);

        vm.expectRevert(
            abi.encodeWithSelector(IAuthorityChecks.AuthorityNotActive.selector, address(this), AuthorityStatus.None)
        );
        registry.publishGateway(issuerCH, URL_CH, FP_CH);

        _setIssuerStatusByVote(issuerDE, true);
        vm.expectRevert(
            abi.encodeWithSelector(IAuthorityChecks.AuthorityNotActive.selector, issuerDE, AuthorityStatus.Suspended)
        );
        vm.prank(issuerDE);
        registry.publishGateway(issuerDE, URL_CH, FP_CH);
        _assertNoGateway(customsCH);
        _assertNoGateway(issuerCH);
        _assertNoGateway(issuerDE);
    }

    function test_publishGateway_refusesEmptyOrLongUrlAndZeroFingerprint() public {
        uint256 max = registry.MAX_GATEWAY_URL_LENGTH();
        vm.startPrank(issuerCH);
        vm.expectRevert(abi.encodeWithSelector(IGatewayDirectory.EmptyGatewayUrl.selector, issuerCH));
        registry.publishGateway(issuerCH, "", FP_CH);
        vm.expectRevert(abi.encodeWithSelector(IGatewayDirectory.GatewayUrlTooLong.selector, issuerCH, max + 1, max));
        registry.publishGateway(issuerCH, _url(max + 1), FP_CH);
        vm.expectRevert(abi.encodeWithSelector(IGatewayDirectory.ZeroFingerprint.selector, issuerCH));
        registry.publishGateway(issuerCH, URL_CH, bytes32(0));
        _assertNoGateway(issuerCH);

        registry.publishGateway(issuerCH, _url(max), FP_CH);
        vm.stopPrank();
        (string memory url,) = registry.gatewayOf(issuerCH);
        assertEq(bytes(url).length, max, "exactly the bound is accepted");
    }

    /// Any URL within the bound comes back byte for byte; any longer one changes nothing.
    function testFuzz_publishGateway_storesExactlyWhatFitsTheBound(bytes memory url, bytes32 fingerprint) public {
        vm.assume(url.length > 0 && fingerprint != bytes32(0));
        uint256 max = registry.MAX_GATEWAY_URL_LENGTH();
        vm.prank(issuerCH);
        if (url.length > max) {
            vm.expectRevert(
                abi.encodeWithSelector(IGatewayDirectory.GatewayUrlTooLong.selector, customsCH, url.length, max)
            );
            registry.publishGateway(customsCH, string(url), fingerprint);
            _assertNoGateway(customsCH);
            return;
        }
        registry.publishGateway(customsCH, string(url), fingerprint);
        (string memory stored, bytes32 fp) = registry.gatewayOf(customsCH);
        assertEq(bytes(stored), url);
        assertEq(fp, fingerprint);
    }

    function _assertNoGateway(address account) private view {
        (string memory url, bytes32 fp) = registry.gatewayOf(account);
        assertEq(bytes(url).length, 0, "no URL");
        assertEq(fp, bytes32(0), "no fingerprint");
    }

    function _url(uint256 length) private pure returns (string memory) {
        bytes memory b = new bytes(length);
        for (uint256 i; i < length; ++i) {
            b[i] = "a";
        }
        return string(b);
    }
}

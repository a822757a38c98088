// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AuthorityRegistry} from "../src/authority/AuthorityRegistry.sol";
import {Authority, AuthorityKind, AuthorityStatus} from "../src/authority/AuthorityTypes.sol";
import {IAuthorityChecks} from "../src/authority/IAuthorityChecks.sol";
import {IAuthorityRegistry} from "../src/authority/IAuthorityRegistry.sol";
import {Country} from "../src/common/Country.sol";
import {AuthorityFixture} from "./utils/AuthorityFixture.sol";

/// @notice Founding issuers, agency designation by an issuer of the same country, and the views.
contract AuthorityDirectoryTest is AuthorityFixture {
    address internal issuerCH;
    address internal issuerDE;
    address internal customsCH = makeAddr("customs-CH");

    function setUp() public {
        _deploy(2);
        (issuerCH, issuerDE) = (founders[0], founders[1]);
    }

    // ------------------------------------------------------------------ constructor

    function test_constructor_storesFoundersAsActiveIssuers() public view {
        Authority memory a = registry.authorityOf(issuerCH);
        assertEq(a.country, CH);
        assertEq(uint8(a.kind), uint8(AuthorityKind.Issuer));
        assertEq(uint8(a.status), uint8(AuthorityStatus.Active));
        assertEq(a.admissionSeq, 1);
        assertEq(a.code, keccak256(abi.encode("issuer", uint256(0))));
        assertEq(registry.authorityOf(issuerDE).admissionSeq, 2);
        assertEq(registry.activeIssuerCount(), 2);
        assertEq(registry.authorityCount(), 2);
    }

    function test_constructor_emitsDesignationWithZeroActor() public {
        address[] memory issuers = new address[](1);
        bytes2[] memory countries = new bytes2[](1);
        bytes32[] memory codes = new bytes32[](1);
        (issuers[0], countries[0], codes[0]) = (issuerCH, "CH", "FSVO");
        vm.expectEmit(true, true, true, true);
        emit IAuthorityRegistry.AuthorityDesignated(issuerCH, address(0), AuthorityKind.Issuer, "CH", "FSVO");
        new AuthorityRegistry(issuers, countries, codes, _nodes(issuers.length));
    }

    function test_constructor_revertsOnEmptyOrMismatchedArrays() public {
        address[] memory none = new address[](0);
        vm.expectRevert(abi.encodeWithSelector(IAuthorityRegistry.InvalidFoundingIssuers.selector, 0, 0, 0, 0));
        new AuthorityRegistry(none, new bytes2[](0), new bytes32[](0), none);

        address[] memory two = new address[](2);
        vm.expectRevert(abi.encodeWithSelector(IAuthorityRegistry.InvalidFoundingIssuers.selector, 2, 1, 2, 2));
        new AuthorityRegistry(two, new bytes2[](1), new bytes32[](2), new address[](2));

        vm.expectRevert(abi.encodeWithSelector(IAuthorityRegistry.InvalidFoundingIssuers.selector, 2, 2, 2, 1));
        new AuthorityRegistry(two, new bytes2[](2), new bytes32[](2), new address[](1));
    }

    function test_constructor_revertsOnDuplicateFounder() public {
        address[] memory issuers = new address[](2);
        bytes2[] memory countries = new bytes2[](2);
        bytes32[] memory codes = new bytes32[](2);
        (issuers[0], countries[0], codes[0]) = (issuerCH, "CH", "A");
        (issuers[1], countries[1], codes[1]) = (issuerCH, "DE", "B");
        vm.expectRevert(
            abi.encodeWithSelector(IAuthorityRegistry.AuthorityAlreadyExists.selector, issuerCH, AuthorityKind.Issuer)
        );
        new AuthorityRegistry(issuers, countries, codes, _nodes(issuers.length));
    }

    function test_constructor_revertsOnBadFounderData() public {
        address[] memory issuers = new address[](1);
        bytes2[] memory countries = new bytes2[](1);
        bytes32[] memory codes = new bytes32[](1);
        bytes2 lowerCase = "ch";
        (issuers[0], countries[0], codes[0]) = (issuerCH, lowerCase, "A");
        vm.expectRevert(abi.encodeWithSelector(Country.InvalidCountry.selector, lowerCase));
        new AuthorityRegistry(issuers, countries, codes, _nodes(issuers.length));

        (issuers[0], countries[0], codes[0]) = (address(0), "CH", "A");
        vm.expectRevert(IAuthorityRegistry.ZeroAccount.selector);
        new AuthorityRegistry(issuers, countries, codes, _nodes(issuers.length));

        (issuers[0], countries[0], codes[0]) = (issuerCH, "CH", bytes32(0));
        vm.expectRevert(abi.encodeWithSelector(IAuthorityRegistry.ZeroCode.selector, issuerCH));
        new AuthorityRegistry(issuers, countries, codes, _nodes(issuers.length));
    }

    // ------------------------------------------------------------------ designate

    function test_designate_addsAgencyOfTheIssuersCountry() public {
        vm.expectEmit(true, true, true, true);
        emit IAuthorityRegistry.AuthorityDesignated(customsCH, issuerCH, AuthorityKind.Customs, "CH", "Basel");
        vm.prank(issuerCH);
        registry.designate(customsCH, AuthorityKind.Customs, "Basel");

        Authority memory a = registry.authorityOf(customsCH);
        assertEq(a.country, CH);
        assertEq(uint8(a.kind), uint8(AuthorityKind.Customs));
        assertEq(uint8(a.status), uint8(AuthorityStatus.Active));
        assertEq(a.admissionSeq, 0, "agencies never vote");
        assertTrue(registry.isActive(customsCH, AuthorityKind.Customs, "CH"));
        assertEq(registry.activeIssuerCount(), 2, "agencies are not issuers");
    }

    function test_designate_acceptsEveryAgencyKind() public {
        AuthorityKind[3] memory kinds =
            [AuthorityKind.Customs, AuthorityKind.ScientificAuthority, AuthorityKind.SingleWindow];
        for (uint256 i; i < kinds.length; ++i) {
            address account = makeAddr(string.concat("agency-", vm.toString(i)));
            vm.prank(issuerCH);
            registry.designate(account, kinds[i], "agency");
            assertTrue(registry.isActive(account, kinds[i], "CH"));
        }
    }

    function test_designate_rejectsIssuerSecretariatAndNone() public {
        AuthorityKind[3] memory kinds = [AuthorityKind.Issuer, AuthorityKind.Secretariat, AuthorityKind.None];
        for (uint256 i; i < kinds.length; ++i) {
            vm.expectRevert(abi.encodeWithSelector(IAuthorityRegistry.NotAnAgencyKind.selector, kinds[i]));
            vm.prank(issuerCH);
            registry.designate(customsCH, kinds[i], "x");
        }
    }

    function test_designate_rejectsNonIssuerCaller() public {
        _designateCustomsCH();
        address other = makeAddr("other");
        vm.expectRevert(
            abi.encodeWithSelector(
                IAuthorityChecks.WrongAuthorityKind.selector, customsCH, AuthorityKind.Customs, AuthorityKind.Issuer
            )
        );
        vm.prank(customsCH);
        registry.designate(other, AuthorityKind.Customs, "x");

        vm.expectRevert(
            abi.encodeWithSelector(IAuthorityChecks.AuthorityNotActive.selector, other, AuthorityStatus.None)
        );
        vm.prank(other);
        registry.designate(other, AuthorityKind.Customs, "x");
    }

    function test_designate_rejectsSuspendedIssuer() public {
        _suspendIssuerDE();
        vm.expectRevert(
            abi.encodeWithSelector(IAuthorityChecks.AuthorityNotActive.selector, issuerDE, AuthorityStatus.Suspended)
        );
        vm.prank(issuerDE);
        registry.designate(customsCH, AuthorityKind.Customs, "x");
    }

    function test_designate_rejectsExistingAccountZeroAccountAndZeroCode() public {
        _designateCustomsCH();
        vm.startPrank(issuerDE);
        vm.expectRevert(
            abi.encodeWithSelector(IAuthorityRegistry.AuthorityAlreadyExists.selector, customsCH, AuthorityKind.Customs)
        );
        registry.designate(customsCH, AuthorityKind.Customs, "x");
        vm.expectRevert(
            abi.encodeWithSelector(IAuthorityRegistry.AuthorityAlreadyExists.selector, issuerCH, AuthorityKind.Issuer)
        );
        registry.designate(issuerCH, AuthorityKind.Customs, "x");
        vm.expectRevert(IAuthorityRegistry.ZeroAccount.selector);
        registry.designate(address(0), AuthorityKind.Customs, "x");
        vm.expectRevert(abi.encodeWithSelector(IAuthorityRegistry.ZeroCode.selector, makeAddr("new")));
        registry.designate(makeAddr("new"), AuthorityKind.Customs, bytes32(0));
        vm.stopPrank();
    }

    function test_designate_rejectsTargetOfOpenProposal() public {
        address candidate = makeAddr("candidate");
        vm.prank(issuerCH);
        uint256 id = registry.proposeIssuer(candidate, "FR", "new issuer", makeAddr("node-candidate"));
        vm.expectRevert(abi.encodeWithSelector(IAuthorityRegistry.ProposalAlreadyOpen.selector, candidate, id));
        vm.prank(issuerDE);
        registry.designate(candidate, AuthorityKind.Customs, "x");

        // Once the proposal has expired the account is free again.
        vm.warp(block.timestamp + registry.PROPOSAL_LIFETIME());
        vm.prank(issuerDE);
        registry.designate(candidate, AuthorityKind.Customs, "x");
        assertTrue(registry.isActive(candidate, AuthorityKind.Customs, "DE"));
    }

    // ------------------------------------------------------------------ agency status

    function test_suspendAndReinstateAgency_bySameCountryIssuer() public {
        _designateCustomsCH();
        vm.expectEmit(true, true, true, true);
        emit IAuthorityRegistry.AuthorityStatusChanged(customsCH, issuerCH, AuthorityStatus.Suspended);
        vm.prank(issuerCH);
        registry.suspendAgency(customsCH);
        assertFalse(registry.isActive(customsCH, AuthorityKind.Customs, "CH"));
        assertEq(uint8(registry.authorityOf(customsCH).status), uint8(AuthorityStatus.Suspended));

        vm.expectEmit(true, true, true, true);
        emit IAuthorityRegistry.AuthorityStatusChanged(customsCH, issuerCH, AuthorityStatus.Active);
        vm.prank(issuerCH);
        registry.reinstateAgency(customsCH);
        assertTrue(registry.isActive(customsCH, AuthorityKind.Customs, "CH"));
    }

    function test_suspendAgency_rejectsOtherCountrysIssuer() public {
        _designateCustomsCH();
        vm.expectRevert(abi.encodeWithSelector(IAuthorityChecks.WrongCountry.selector, issuerDE, DE, CH));
        vm.prank(issuerDE);
        registry.suspendAgency(customsCH);
    }

    function test_suspendAgency_rejectsIssuersAndUnknownAccounts() public {
        vm.expectRevert(abi.encodeWithSelector(IAuthorityRegistry.NotAnAgencyKind.selector, AuthorityKind.Issuer));
        vm.prank(issuerCH);
        registry.suspendAgency(issuerCH);

        address nobody = makeAddr("nobody");
        vm.expectRevert(abi.encodeWithSelector(IAuthorityRegistry.UnknownAuthority.selector, nobody));
        vm.prank(issuerCH);
        registry.suspendAgency(nobody);
    }

    function test_agencyStatus_rejectsNoChange() public {
        _designateCustomsCH();
        vm.expectRevert(
            abi.encodeWithSelector(IAuthorityRegistry.StatusUnchanged.selector, customsCH, AuthorityStatus.Active)
        );
        vm.prank(issuerCH);
        registry.reinstateAgency(customsCH);
        vm.prank(issuerCH);
        registry.suspendAgency(customsCH);
        vm.expectRevert(
            abi.encodeWithSelector(IAuthorityRegistry.StatusUnchanged.selector, customsCH, AuthorityStatus.Suspended)
        );
        vm.prank(issuerCH);
        registry.suspendAgency(customsCH);
    }

    function test_agencyStatus_rejectsNonIssuerCaller() public {
        _designateCustomsCH();
        vm.expectRevert(
            abi.encodeWithSelector(
                IAuthorityChecks.WrongAuthorityKind.selector, customsCH, AuthorityKind.Customs, AuthorityKind.Issuer
            )
        );
        vm.prank(customsCH);
        registry.suspendAgency(customsCH);
    }

    // ------------------------------------------------------------------ views

    function test_profileViews_returnWhatPermitChecksNeed() public {
        _designateCustomsCH();
        (bytes2 country, AuthorityKind kind, AuthorityStatus status) = registry.profileOf(customsCH);
        assertEq(country, CH);
        assertEq(uint8(kind), uint8(AuthorityKind.Customs));
        assertEq(uint8(status), uint8(AuthorityStatus.Active));

        _suspendIssuerDE();
        (bytes2 ac, AuthorityKind ak, AuthorityStatus as_, bytes2 ic, AuthorityStatus is_) =
            registry.profilesOf(customsCH, issuerDE);
        assertEq(ac, CH);
        assertEq(uint8(ak), uint8(AuthorityKind.Customs));
        assertEq(uint8(as_), uint8(AuthorityStatus.Active));
        assertEq(ic, DE);
        assertEq(uint8(is_), uint8(AuthorityStatus.Suspended));

        (country, kind, status) = registry.profileOf(makeAddr("nobody"));
        assertEq(country, bytes2(0));
        assertEq(uint8(kind), uint8(AuthorityKind.None));
        assertEq(uint8(status), uint8(AuthorityStatus.None));
    }

    function test_isActive_needsExactKindCountryAndActiveStatus() public {
        _designateCustomsCH();
        assertTrue(registry.isActive(customsCH, AuthorityKind.Customs, "CH"));
        assertFalse(registry.isActive(customsCH, AuthorityKind.Customs, "DE"));
        assertFalse(registry.isActive(customsCH, AuthorityKind.Issuer, "CH"));
        assertFalse(registry.isActive(makeAddr("nobody"), AuthorityKind.None, bytes2(0)));
        vm.prank(issuerCH);
        registry.suspendAgency(customsCH);
        assertFalse(registry.isActive(customsCH, AuthorityKind.Customs, "CH"));
    }

    function test_authorities_listsInOrderAndPages() public {
        _designateCustomsCH();
        address[] memory all = registry.authorities();
        assertEq(all.length, 3);
        assertEq(all[0], issuerCH);
        assertEq(all[1], issuerDE);
        assertEq(all[2], customsCH);

        address[] memory page = registry.authoritiesPage(1, 5);
        assertEq(page.length, 2);
        assertEq(page[0], issuerDE);
        assertEq(page[1], customsCH);
        assertEq(registry.authoritiesPage(0, 1).length, 1);
        assertEq(registry.authoritiesPage(0, 1)[0], issuerCH);
        assertEq(registry.authoritiesPage(3, 10).length, 0);
        assertEq(registry.authoritiesPage(0, 0).length, 0);
        assertEq(registry.authoritiesPage(1, type(uint256).max).length, 2, "no overflow on a huge limit");
    }

    function _designateCustomsCH() private {
        vm.prank(issuerCH);
        registry.designate(customsCH, AuthorityKind.Customs, "Basel");
    }

    function _suspendIssuerDE() private {
        vm.prank(issuerCH);
        uint256 id = registry.proposeSuspension(issuerDE);
        _vote(issuerDE, id);
    }
}

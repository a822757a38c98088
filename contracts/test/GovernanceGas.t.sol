// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {console} from "forge-std/console.sol";
import {AuthorityRegistry} from "../src/authority/AuthorityRegistry.sol";
import {AuthorityKind} from "../src/authority/AuthorityTypes.sol";
import {IAuthorityRegistry} from "../src/authority/IAuthorityRegistry.sol";
import {IGatewayDirectory} from "../src/authority/IGatewayDirectory.sol";
import {IValidatorSet} from "../src/authority/IValidatorSet.sol";
import {AuthorityFixture} from "./utils/AuthorityFixture.sol";
import {GasMeter} from "./utils/GasMeter.sol";

/// @notice Gas of the governance writes (admission and suspension votes, node rotation,
/// gateway publication) as transactions pay it, and of getValidators(), which Besu calls every
/// block: it must grow with the validators only, never with the other authorities.
/// Run: forge test --match-contract GovernanceGasTest -vv
contract GovernanceGasTest is AuthorityFixture, GasMeter {
    string internal constant URL = "https://ledger.fsvo.admin.ch:8443";
    bytes32 internal constant FINGERPRINT = keccak256("certificate");

    address internal customs = makeAddr("customs-CH");
    uint256 internal admissionId;
    uint256 internal suspensionId;

    /// @dev Four founders. An admission and a suspension each hold 2 of the 3 votes they need,
    /// so the measured vote executes; committed here, their slots count as pre-existing.
    function setUp() public {
        _deploy(4);
        vm.prank(founders[0]);
        registry.designate(customs, AuthorityKind.Customs, "Basel");
        vm.prank(founders[0]);
        admissionId = registry.proposeIssuer(makeAddr("candidate-FR"), FR, "new", makeAddr("node-candidate-FR"));
        _vote(founders[1], admissionId);
        vm.prank(founders[0]);
        suspensionId = registry.proposeSuspension(founders[3]);
        _vote(founders[1], suspensionId);
    }

    function test_gas_proposeIssuer() public {
        bytes memory data = abi.encodeCall(
            IAuthorityRegistry.proposeIssuer, (makeAddr("candidate-BR"), BR, "IBAMA", makeAddr("node-candidate-BR"))
        );
        _print("proposeIssuer (opens, proposer's vote)", _send(founders[2], data), 1);
    }

    function test_gas_vote_executingAdmission() public {
        Cost memory c = _send(founders[2], abi.encodeCall(IAuthorityRegistry.vote, (admissionId)));
        _print("vote executing an admission (issuer + validator)", c, 1);
        assertTrue(registry.isValidator(makeAddr("node-candidate-FR")));
    }

    function test_gas_vote_executingSuspension() public {
        Cost memory c = _send(founders[2], abi.encodeCall(IAuthorityRegistry.vote, (suspensionId)));
        _print("vote executing a suspension (validator removed)", c, 1);
        assertFalse(registry.isValidator(founderNodes[3]));
    }

    function test_gas_rotateNode() public {
        Cost memory c = _send(founders[0], abi.encodeCall(IValidatorSet.rotateNode, (makeAddr("node-new"))));
        _print("rotateNode", c, 1);
    }

    function test_gas_publishGateway_own() public {
        bytes memory data = abi.encodeCall(IGatewayDirectory.publishGateway, (founders[0], URL, FINGERPRINT));
        _print("publishGateway, own, 34-byte URL", _send(founders[0], data), 1);
    }

    function test_gas_publishGateway_agency() public {
        bytes memory data = abi.encodeCall(IGatewayDirectory.publishGateway, (customs, URL, FINGERPRINT));
        _print("publishGateway, agency, 34-byte URL", _send(founders[0], data), 1);
    }

    /// getValidators() costs the same with 60 more agencies, and each further validator adds
    /// one cold storage read and its copy (at most 2,300 gas).
    function test_gas_getValidators_growsWithValidatorsOnly() public {
        uint256 four = _getValidatorsGas();
        for (uint256 i; i < 60; ++i) {
            vm.prank(founders[i % 4]);
            registry.designate(makeAddr(string.concat("agency-", vm.toString(i))), AuthorityKind.Customs, "c");
        }
        assertEq(_getValidatorsGas(), four, "agencies change the cost");

        _deployMany(16);
        uint256 sixteen = _getValidatorsGas();
        _deployMany(64);
        uint256 sixtyFour = _getValidatorsGas();
        console.log("getValidators() execution gas, 4 / 16 / 64 validators:", four, sixteen, sixtyFour);
        assertLe((sixtyFour - four) / 60, 2_300, "per validator");
    }

    function _getValidatorsGas() private returns (uint256) {
        return _send(address(this), abi.encodeCall(IValidatorSet.getValidators, ())).execution;
    }

    function _send(address sender, bytes memory data) private returns (Cost memory) {
        address[] memory cold = new address[](1);
        cold[0] = address(registry);
        return _measure(address(registry), sender, data, cold);
    }

    /// @dev n founding issuers, all of CH (a country may have several issuers).
    function _deployMany(uint256 n) private {
        founders = new address[](n);
        bytes2[] memory countries = new bytes2[](n);
        bytes32[] memory codes = new bytes32[](n);
        for (uint256 i; i < n; ++i) {
            founders[i] = makeAddr(string.concat("issuer-", vm.toString(i)));
            (countries[i], codes[i]) = (CH, keccak256(abi.encode(i)));
        }
        founderNodes = _nodes(n);
        registry = new AuthorityRegistry(founders, countries, codes, founderNodes);
    }
}

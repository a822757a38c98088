// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Vm} from "forge-std/Vm.sol";
import {AuthorityRegistry} from "../src/authority/AuthorityRegistry.sol";
import {AuthorityKind, AuthorityStatus} from "../src/authority/AuthorityTypes.sol";
import {IAuthorityChecks} from "../src/authority/IAuthorityChecks.sol";
import {IAuthorityRegistry} from "../src/authority/IAuthorityRegistry.sol";
import {IValidatorSet} from "../src/authority/IValidatorSet.sol";
import {AuthorityFixture} from "./utils/AuthorityFixture.sol";

/// @notice Validators follow governance: founders' nodes validate from deployment, admission
/// by vote adds the new issuer's node, suspension removes it, reinstatement restores it, an
/// active issuer rotates its own node; node addresses are unique and never authority accounts.
contract ValidatorSetTest is AuthorityFixture {
    address internal candidate = makeAddr("candidate-FR");
    address internal candidateNode = makeAddr("node-candidate-FR");

    // ------------------------------------------------------------------ the interface Besu calls

    /// Besu's contract validator selection calls getValidators() and decodes address[].
    function test_getValidators_isTheFunctionBesuCalls() public {
        // Expected value is the output of `cast sig "getValidators()"`.
        assertEq(IValidatorSet.getValidators.selector, bytes4(0xb7ab4db5));
        _deploy(2);
        (bool ok, bytes memory ret) = address(registry).staticcall(hex"b7ab4db5");
        assertTrue(ok);
        assertEq(abi.decode(ret, (address[])), founderNodes);
    }

    // ------------------------------------------------------------------ founders

    function test_constructor_foundersNodesAreTheValidators() public {
        _deploy(3);
        assertEq(registry.getValidators(), founderNodes);
        assertEq(registry.validatorCount(), 3);
        for (uint256 i; i < 3; ++i) {
            assertEq(registry.nodeOf(founders[i]), founderNodes[i]);
            assertEq(registry.accountOfNode(founderNodes[i]), founders[i]);
            assertTrue(registry.isValidator(founderNodes[i]));
        }
        assertEq(registry.nodeOf(makeAddr("stranger")), address(0));
        assertEq(registry.accountOfNode(makeAddr("stranger")), address(0));
    }

    function test_constructor_emitsValidatorsAndFaultToleranceOnce() public {
        vm.recordLogs();
        _deploy(3);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        assertEq(_count(logs, IValidatorSet.ValidatorAdded.selector), 3);
        assertEq(_count(logs, IValidatorSet.FaultToleranceLost.selector), 1, "three founders: no fault tolerance");
        assertEq(_count(logs, IValidatorSet.FaultToleranceRestored.selector), 0);

        vm.recordLogs();
        _deploy(4);
        logs = vm.getRecordedLogs();
        assertEq(_count(logs, IValidatorSet.FaultToleranceLost.selector), 0);
        _assertFaultTolerance(logs, IValidatorSet.FaultToleranceRestored.selector, 4);
        Vm.Log memory added = logs[_find(logs, IValidatorSet.ValidatorAdded.selector)];
        assertEq(added.topics[1], bytes32(uint256(uint160(founderNodes[0]))), "node");
        assertEq(added.topics[2], bytes32(uint256(uint160(founders[0]))), "account");
        assertEq(added.topics[3], bytes32(0), "founders have no actor");
    }

    function test_constructor_refusesZeroSharedOrAuthorityNodes() public {
        address[] memory issuers = new address[](2);
        (issuers[0], issuers[1]) = (makeAddr("a"), makeAddr("b"));
        bytes2[] memory countries = new bytes2[](2);
        (countries[0], countries[1]) = (CH, DE);
        bytes32[] memory codes = new bytes32[](2);
        (codes[0], codes[1]) = ("A", "B");
        address[] memory nodes = new address[](2);

        (nodes[0], nodes[1]) = (address(0), _node(1));
        vm.expectRevert(IValidatorSet.ZeroNode.selector);
        new AuthorityRegistry(issuers, countries, codes, nodes);

        (nodes[0], nodes[1]) = (_node(0), _node(0));
        vm.expectRevert(abi.encodeWithSelector(IValidatorSet.NodeAlreadyUsed.selector, _node(0), issuers[0]));
        new AuthorityRegistry(issuers, countries, codes, nodes);

        (nodes[0], nodes[1]) = (issuers[0], _node(1));
        vm.expectRevert(abi.encodeWithSelector(IValidatorSet.NodeIsAuthority.selector, issuers[0]));
        new AuthorityRegistry(issuers, countries, codes, nodes);

        // A later founder's account is an earlier founder's node, and the other way round.
        (nodes[0], nodes[1]) = (issuers[1], _node(1));
        vm.expectRevert(abi.encodeWithSelector(IValidatorSet.AccountIsNode.selector, issuers[1], issuers[0]));
        new AuthorityRegistry(issuers, countries, codes, nodes);

        (nodes[0], nodes[1]) = (_node(0), issuers[0]);
        vm.expectRevert(abi.encodeWithSelector(IValidatorSet.NodeIsAuthority.selector, issuers[0]));
        new AuthorityRegistry(issuers, countries, codes, nodes);
    }

    // ------------------------------------------------------------------ admission

    function test_admission_addsTheNodeOnlyWhenTheVoteExecutes() public {
        _deploy(3);
        vm.prank(founders[0]);
        uint256 id = registry.proposeIssuer(candidate, FR, "new", candidateNode);
        assertEq(registry.proposal(id).node, candidateNode);
        assertFalse(registry.isValidator(candidateNode), "not before the vote");
        assertEq(registry.nodeOf(candidate), address(0));

        vm.expectEmit(true, true, true, true);
        emit IValidatorSet.ValidatorAdded(candidateNode, candidate, founders[1]);
        vm.expectEmit(true, true, true, true);
        emit IValidatorSet.FaultToleranceRestored(4);
        _vote(founders[1], id);
        assertTrue(registry.isValidator(candidateNode));
        assertEq(registry.nodeOf(candidate), candidateNode);
        assertEq(registry.accountOfNode(candidateNode), candidate);
        assertEq(registry.validatorCount(), 4);
    }

    function test_admission_belowFourReportsFaultToleranceLost() public {
        _deploy(2);
        vm.prank(founders[0]);
        uint256 id = registry.proposeIssuer(candidate, FR, "new", candidateNode);
        vm.expectEmit(true, true, true, true);
        emit IValidatorSet.FaultToleranceLost(3);
        _vote(founders[1], id);
    }

    function test_proposeIssuer_refusesZeroUsedAndAuthorityNodes() public {
        _deploy(2);
        address customs = makeAddr("customs-CH");
        vm.startPrank(founders[0]);
        registry.designate(customs, AuthorityKind.Customs, "Basel");

        vm.expectRevert(IValidatorSet.ZeroNode.selector);
        registry.proposeIssuer(candidate, FR, "new", address(0));
        vm.expectRevert(abi.encodeWithSelector(IValidatorSet.NodeAlreadyUsed.selector, founderNodes[1], founders[1]));
        registry.proposeIssuer(candidate, FR, "new", founderNodes[1]);
        vm.expectRevert(abi.encodeWithSelector(IValidatorSet.NodeIsAuthority.selector, founders[1]));
        registry.proposeIssuer(candidate, FR, "new", founders[1]);
        vm.expectRevert(abi.encodeWithSelector(IValidatorSet.NodeIsAuthority.selector, customs));
        registry.proposeIssuer(candidate, FR, "new", customs);
        vm.expectRevert(abi.encodeWithSelector(IValidatorSet.NodeIsAuthority.selector, candidate));
        registry.proposeIssuer(candidate, FR, "new", candidate);
        vm.stopPrank();
        assertEq(registry.proposalCount(), 0, "nothing proposed");
    }

    function test_nodeAddresses_neverBecomeAuthorities() public {
        _deploy(2);
        address node = founderNodes[1];
        vm.startPrank(founders[0]);
        vm.expectRevert(abi.encodeWithSelector(IValidatorSet.AccountIsNode.selector, node, founders[1]));
        registry.designate(node, AuthorityKind.Customs, "x");
        vm.expectRevert(abi.encodeWithSelector(IValidatorSet.AccountIsNode.selector, node, founders[1]));
        registry.proposeIssuer(node, FR, "new", candidateNode);
        vm.expectRevert(abi.encodeWithSelector(IValidatorSet.AccountIsNode.selector, node, founders[1]));
        registry.proposeSecretariat(node, CH, "secretariat");
        vm.stopPrank();
    }

    function test_admission_executionRechecksTheNode() public {
        _deploy(3);
        address other = makeAddr("candidate-BR");
        vm.prank(founders[0]);
        uint256 first = registry.proposeIssuer(candidate, FR, "new", candidateNode);
        vm.prank(founders[0]);
        uint256 second = registry.proposeIssuer(other, BR, "other", candidateNode);
        _vote(founders[1], first);

        vm.expectRevert(abi.encodeWithSelector(IValidatorSet.NodeAlreadyUsed.selector, candidateNode, candidate));
        _vote(founders[1], second);
        assertEq(registry.nodeOf(other), address(0));
        assertFalse(registry.hasVoted(second, founders[1]), "the failed vote is reverted");
    }

    // ------------------------------------------------------------------ suspension and reinstatement

    function test_suspension_removesTheNodeAndReinstatementRestoresIt() public {
        _deploy(5);
        address target = founders[2];
        address node = founderNodes[2];
        vm.recordLogs();
        _setIssuerStatusByVote(target, true);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        assertEq(_count(logs, IValidatorSet.FaultToleranceLost.selector), 0, "four remain: still tolerant");
        assertEq(_count(logs, IValidatorSet.ValidatorRemoved.selector), 1);
        assertFalse(registry.isValidator(node));
        assertEq(registry.validatorCount(), 4);
        assertEq(registry.nodeOf(target), node, "the node stays the issuer's");
        assertEq(registry.accountOfNode(node), target);

        vm.prank(founders[0]);
        uint256 id = registry.proposeReinstatement(target);
        _vote(founders[1], id);
        vm.expectEmit(true, true, true, true);
        emit IValidatorSet.ValidatorAdded(node, target, founders[3]);
        _vote(founders[3], id);
        assertTrue(registry.isValidator(node));
        assertEq(registry.validatorCount(), 5);
    }

    function test_suspension_belowFourEmitsFaultToleranceLost_reinstatementRestores() public {
        _deploy(4);
        vm.prank(founders[0]);
        uint256 id = registry.proposeSuspension(founders[3]);
        _vote(founders[1], id);
        vm.expectEmit(true, true, true, true);
        emit IValidatorSet.ValidatorRemoved(founderNodes[3], founders[3], founders[2]);
        vm.expectEmit(true, true, true, true);
        emit IValidatorSet.FaultToleranceLost(3);
        _vote(founders[2], id);

        vm.recordLogs();
        _setIssuerStatusByVote(founders[2], true);
        _assertFaultTolerance(vm.getRecordedLogs(), IValidatorSet.FaultToleranceLost.selector, 2);
        _setIssuerStatusByVote(founders[2], false);
        _assertFaultTolerance(vm.getRecordedLogs(), IValidatorSet.FaultToleranceLost.selector, 3);
        _setIssuerStatusByVote(founders[3], false);
        _assertFaultTolerance(vm.getRecordedLogs(), IValidatorSet.FaultToleranceRestored.selector, 4);
    }

    function test_lastValidator_cannotBeRemoved() public {
        _deploy(2);
        _setIssuerStatusByVote(founders[1], true);
        assertEq(registry.getValidators().length, 1);
        vm.expectRevert(abi.encodeWithSelector(IAuthorityRegistry.LastActiveIssuer.selector, founders[0]));
        vm.prank(founders[0]);
        registry.proposeSuspension(founders[0]);
        assertEq(registry.getValidators()[0], founderNodes[0]);
    }

    function test_secretariats_haveNoNode() public {
        _deploy(1);
        address secretariat = makeAddr("secretariat");
        vm.prank(founders[0]);
        registry.proposeSecretariat(secretariat, CH, "CITES Secretariat");
        assertEq(registry.nodeOf(secretariat), address(0));
        assertEq(registry.validatorCount(), 1);
        assertEq(registry.proposal(1).node, address(0));
    }

    // ------------------------------------------------------------------ rotation

    function test_rotateNode_replacesTheValidatorWithoutAVote() public {
        _deploy(3);
        address newNode = makeAddr("node-0-replacement");
        vm.expectEmit(true, true, true, true);
        emit IValidatorSet.ValidatorRemoved(founderNodes[0], founders[0], founders[0]);
        vm.expectEmit(true, true, true, true);
        emit IValidatorSet.ValidatorAdded(newNode, founders[0], founders[0]);
        vm.prank(founders[0]);
        registry.rotateNode(newNode);

        assertEq(registry.nodeOf(founders[0]), newNode);
        assertEq(registry.accountOfNode(newNode), founders[0]);
        assertEq(registry.accountOfNode(founderNodes[0]), address(0), "a retired node belongs to nobody");
        assertFalse(registry.isValidator(founderNodes[0]));
        assertTrue(registry.isValidator(newNode));
        assertEq(registry.validatorCount(), 3);
    }

    function test_rotateNode_retiredNodeIsNeverUsedAgain() public {
        _deploy(2);
        address retired = founderNodes[0];
        vm.prank(founders[0]);
        registry.rotateNode(makeAddr("node-0-replacement"));

        vm.expectRevert(abi.encodeWithSelector(IValidatorSet.NodeAlreadyUsed.selector, retired, founders[0]));
        vm.prank(founders[0]);
        registry.rotateNode(retired);
        vm.expectRevert(abi.encodeWithSelector(IValidatorSet.NodeAlreadyUsed.selector, retired, founders[0]));
        vm.prank(founders[1]);
        registry.proposeIssuer(candidate, FR, "new", retired);
        vm.expectRevert(abi.encodeWithSelector(IValidatorSet.AccountIsNode.selector, retired, founders[0]));
        vm.prank(founders[1]);
        registry.designate(retired, AuthorityKind.Customs, "x");
    }

    function test_rotateNode_refusesBadNodesAndCallers() public {
        _deploy(3);
        address customs = makeAddr("customs-CH");
        vm.prank(founders[0]);
        registry.designate(customs, AuthorityKind.Customs, "Basel");

        vm.startPrank(founders[0]);
        vm.expectRevert(IValidatorSet.ZeroNode.selector);
        registry.rotateNode(address(0));
        vm.expectRevert(abi.encodeWithSelector(IValidatorSet.NodeAlreadyUsed.selector, founderNodes[0], founders[0]));
        registry.rotateNode(founderNodes[0]);
        vm.expectRevert(abi.encodeWithSelector(IValidatorSet.NodeAlreadyUsed.selector, founderNodes[1], founders[1]));
        registry.rotateNode(founderNodes[1]);
        vm.expectRevert(abi.encodeWithSelector(IValidatorSet.NodeIsAuthority.selector, founders[0]));
        registry.rotateNode(founders[0]);
        vm.expectRevert(abi.encodeWithSelector(IValidatorSet.NodeIsAuthority.selector, customs));
        registry.rotateNode(customs);
        vm.stopPrank();

        address fresh = makeAddr("fresh-node");
        vm.expectRevert(
            abi.encodeWithSelector(
                IAuthorityChecks.WrongAuthorityKind.selector, customs, AuthorityKind.Customs, AuthorityKind.Issuer
            )
        );
        vm.prank(customs);
        registry.rotateNode(fresh);
        vm.expectRevert(
            abi.encodeWithSelector(IAuthorityChecks.AuthorityNotActive.selector, address(this), AuthorityStatus.None)
        );
        registry.rotateNode(fresh);

        _setIssuerStatusByVote(founders[2], true);
        vm.expectRevert(
            abi.encodeWithSelector(IAuthorityChecks.AuthorityNotActive.selector, founders[2], AuthorityStatus.Suspended)
        );
        vm.prank(founders[2]);
        registry.rotateNode(fresh);
        assertEq(registry.nodeOf(founders[0]), founderNodes[0], "nothing changed");
    }

    function test_rotateNode_thenSuspensionRemovesTheNewNode() public {
        _deploy(3);
        address newNode = makeAddr("node-2-replacement");
        vm.prank(founders[2]);
        registry.rotateNode(newNode);
        _setIssuerStatusByVote(founders[2], true);
        assertFalse(registry.isValidator(newNode));
        assertFalse(registry.isValidator(founderNodes[2]));
        _setIssuerStatusByVote(founders[2], false);
        assertTrue(registry.isValidator(newNode));
        assertFalse(registry.isValidator(founderNodes[2]), "the retired node never comes back");
    }

    // ------------------------------------------------------------------ fuzz

    /// Any fresh address can become a node, once; afterwards it is refused everywhere.
    function testFuzz_rotateNode_freshAddressOnce(address newNode) public {
        _deploy(2);
        vm.assume(newNode != address(0) && newNode != founders[0] && newNode != founders[1]);
        vm.assume(newNode != founderNodes[0] && newNode != founderNodes[1]);
        vm.prank(founders[1]);
        registry.rotateNode(newNode);
        assertEq(registry.accountOfNode(newNode), founders[1]);
        assertTrue(registry.isValidator(newNode));

        vm.expectRevert(abi.encodeWithSelector(IValidatorSet.NodeAlreadyUsed.selector, newNode, founders[1]));
        vm.prank(founders[0]);
        registry.rotateNode(newNode);
    }

    /// Suspending k of n issuers one by one: the set shrinks by exactly the suspended nodes
    /// and each removal below four reports fault tolerance lost, with the count left.
    function testFuzz_suspensions_reportFaultToleranceBelowFour(uint8 n, uint8 k) public {
        n = uint8(bound(n, 2, 6));
        k = uint8(bound(k, 1, n - 1));
        _deploy(n);
        for (uint256 i; i < k; ++i) {
            vm.recordLogs();
            _setIssuerStatusByVote(founders[i], true);
            Vm.Log[] memory logs = vm.getRecordedLogs();
            uint256 left = n - i - 1;
            assertEq(_count(logs, IValidatorSet.FaultToleranceLost.selector), left < 4 ? 1 : 0, "lost event");
            assertEq(registry.validatorCount(), left);
            assertFalse(registry.isValidator(founderNodes[i]));
        }
        for (uint256 i = k; i < n; ++i) {
            assertTrue(registry.isValidator(founderNodes[i]));
        }
    }

    // ------------------------------------------------------------------ helpers

    /// @dev Exactly one fault-tolerance event in `logs`: `topic` with `validators`.
    function _assertFaultTolerance(Vm.Log[] memory logs, bytes32 topic, uint256 validators) private view {
        uint256 lost = _count(logs, IValidatorSet.FaultToleranceLost.selector);
        uint256 restored = _count(logs, IValidatorSet.FaultToleranceRestored.selector);
        assertEq(lost + restored, 1, "one fault-tolerance event");
        assertEq(abi.decode(logs[_find(logs, topic)].data, (uint256)), validators, "validators in the event");
    }

    function _find(Vm.Log[] memory logs, bytes32 topic) private view returns (uint256) {
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter == address(registry) && logs[i].topics[0] == topic) return i;
        }
        revert("event not found");
    }

    function _count(Vm.Log[] memory logs, bytes32 topic) private view returns (uint256 c) {
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter == address(registry) && logs[i].topics[0] == topic) ++c;
        }
    }
}

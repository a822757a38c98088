// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AuthorityKind, AuthorityStatus, Proposal, ProposalAction} from "../src/authority/AuthorityTypes.sol";
import {IAuthorityChecks} from "../src/authority/IAuthorityChecks.sol";
import {IAuthorityRegistry} from "../src/authority/IAuthorityRegistry.sol";
import {Country} from "../src/common/Country.sol";
import {AuthorityFixture} from "./utils/AuthorityFixture.sol";

/// @notice Voting: admission, suspension and reinstatement of issuers (and secretariats) by a
/// strict majority of the active issuers snapshotted when the proposal is made.
contract AuthorityGovernanceTest is AuthorityFixture {
    address internal candidate = makeAddr("candidate-FR");
    address internal candidateNode = makeAddr("node-candidate-FR");

    // ------------------------------------------------------------------ majority edge cases

    function test_majority_oneIssuer_proposalExecutesAtOnce() public {
        _deploy(1);
        uint256 id = _proposeCandidate(founders[0]);
        assertTrue(registry.proposal(id).executed);
        assertTrue(registry.isActive(candidate, AuthorityKind.Issuer, "FR"));
        assertEq(registry.activeIssuerCount(), 2);
        assertEq(registry.pendingProposalIds().length, 0);
    }

    function test_majority_twoIssuers_needBoth() public {
        _deploy(2);
        uint256 id = _proposeCandidate(founders[0]);
        assertEq(registry.proposal(id).requiredVotes, 2);
        assertFalse(registry.proposal(id).executed);
        assertTrue(_vote(founders[1], id));
        assertTrue(registry.isActive(candidate, AuthorityKind.Issuer, "FR"));
    }

    function test_majority_threeIssuers_needTwo() public {
        _deploy(3);
        uint256 id = _proposeCandidate(founders[2]);
        assertEq(registry.proposal(id).requiredVotes, 2);
        assertFalse(registry.isActive(candidate, AuthorityKind.Issuer, "FR"));
        assertTrue(_vote(founders[0], id));
        assertTrue(registry.isActive(candidate, AuthorityKind.Issuer, "FR"));
    }

    function test_majority_fourIssuers_needThree_halfIsNotEnough() public {
        _deploy(4);
        uint256 id = _proposeCandidate(founders[0]);
        assertEq(registry.proposal(id).requiredVotes, 3);
        assertFalse(_vote(founders[1], id), "2 of 4 is a tie, not a majority");
        assertFalse(registry.isActive(candidate, AuthorityKind.Issuer, "FR"));
        assertTrue(_vote(founders[3], id));
        assertTrue(registry.isActive(candidate, AuthorityKind.Issuer, "FR"));
    }

    function test_majority_countsOnlyActiveIssuers() public {
        _deploy(3);
        _suspend(founders[2], founders[0], founders[1]);
        assertEq(registry.activeIssuerCount(), 2);
        uint256 id = _proposeCandidate(founders[0]);
        assertEq(registry.proposal(id).requiredVotes, 2, "strict majority of the 2 active issuers");
    }

    // ------------------------------------------------------------------ proposal lifecycle

    function test_proposeIssuer_recordsProposalAndProposerVote() public {
        _deploy(3);
        uint40 expiresAt = uint40(block.timestamp) + registry.PROPOSAL_LIFETIME();
        vm.expectEmit(true, true, true, true);
        emit IAuthorityRegistry.ProposalCreated(
            1, founders[0], candidate, ProposalAction.AdmitIssuer, "FR", "new", candidateNode, expiresAt, 2
        );
        vm.expectEmit(true, true, true, true);
        emit IAuthorityRegistry.ProposalVoted(1, founders[0], 1, 2);
        uint256 id = _proposeCandidate(founders[0]);

        Proposal memory p = registry.proposal(id);
        assertEq(id, 1);
        assertEq(uint8(p.action), uint8(ProposalAction.AdmitIssuer));
        assertEq(p.target, candidate);
        assertEq(p.country, FR);
        assertEq(p.node, candidateNode);
        bytes32 code = "new";
        assertEq(p.code, code);
        assertEq(p.proposer, founders[0]);
        assertEq(p.votes, 1);
        assertEq(p.expiresAt, expiresAt);
        assertEq(p.admissionSeqLimit, 3);
        assertTrue(registry.hasVoted(id, founders[0]));
        assertFalse(registry.hasVoted(id, founders[1]));
        assertEq(registry.proposalCount(), 1);
        uint256[] memory pending = registry.pendingProposalIds();
        assertEq(pending.length, 1);
        assertEq(pending[0], id);
    }

    function test_vote_executionEmitsAndAdmitsWithNextSequence() public {
        _deploy(3);
        uint256 id = _proposeCandidate(founders[0]);
        vm.expectEmit(true, true, true, true);
        emit IAuthorityRegistry.ProposalVoted(id, founders[1], 2, 2);
        vm.expectEmit(true, true, true, true);
        emit IAuthorityRegistry.AuthorityDesignated(candidate, founders[1], AuthorityKind.Issuer, "FR", "new");
        vm.expectEmit(true, true, true, true);
        emit IAuthorityRegistry.ProposalExecuted(id, founders[1]);
        _vote(founders[1], id);
        assertEq(registry.authorityOf(candidate).admissionSeq, 4);
        assertEq(registry.pendingProposalIds().length, 0);
    }

    function test_proposeSecretariat_admitsNonVotingSecretariat() public {
        _deploy(1);
        address secretariat = makeAddr("secretariat");
        vm.prank(founders[0]);
        registry.proposeSecretariat(secretariat, "CH", "CITES Secretariat");
        assertTrue(registry.isActive(secretariat, AuthorityKind.Secretariat, "CH"));
        assertEq(registry.activeIssuerCount(), 1);
        assertEq(registry.authorityOf(secretariat).admissionSeq, 0);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAuthorityChecks.WrongAuthorityKind.selector,
                secretariat,
                AuthorityKind.Secretariat,
                AuthorityKind.Issuer
            )
        );
        vm.prank(secretariat);
        registry.proposeIssuer(candidate, "FR", "new", candidateNode);
    }

    function test_suspendAndReinstateIssuer_byVote() public {
        _deploy(3);
        vm.prank(founders[0]);
        uint256 suspension = registry.proposeSuspension(founders[2]);
        vm.expectEmit(true, true, true, true);
        emit IAuthorityRegistry.AuthorityStatusChanged(founders[2], founders[1], AuthorityStatus.Suspended);
        _vote(founders[1], suspension);
        assertFalse(registry.isActive(founders[2], AuthorityKind.Issuer, "KE"));
        assertEq(registry.activeIssuerCount(), 2);

        vm.prank(founders[0]);
        uint256 id = registry.proposeReinstatement(founders[2]);
        assertEq(registry.proposal(id).requiredVotes, 2);
        _vote(founders[1], id);
        assertTrue(registry.isActive(founders[2], AuthorityKind.Issuer, "KE"));
        assertEq(registry.activeIssuerCount(), 3);
    }

    function test_suspension_ofSecretariat() public {
        _deploy(1);
        address secretariat = makeAddr("secretariat");
        vm.startPrank(founders[0]);
        registry.proposeSecretariat(secretariat, "CH", "CITES Secretariat");
        registry.proposeSuspension(secretariat);
        vm.stopPrank();
        assertEq(uint8(registry.authorityOf(secretariat).status), uint8(AuthorityStatus.Suspended));
        assertEq(registry.activeIssuerCount(), 1, "secretariats are not counted as issuers");
    }

    // ------------------------------------------------------------------ voting rules

    function test_vote_rejectsDoubleVote() public {
        _deploy(3);
        uint256 id = _proposeCandidate(founders[0]);
        vm.expectRevert(abi.encodeWithSelector(IAuthorityRegistry.AlreadyVoted.selector, id, founders[0]));
        _vote(founders[0], id);
    }

    function test_vote_rejectsNonIssuer() public {
        _deploy(3);
        address customs = makeAddr("customs");
        vm.prank(founders[0]);
        registry.designate(customs, AuthorityKind.Customs, "customs");
        uint256 id = _proposeCandidate(founders[0]);

        vm.expectRevert(
            abi.encodeWithSelector(
                IAuthorityChecks.WrongAuthorityKind.selector, customs, AuthorityKind.Customs, AuthorityKind.Issuer
            )
        );
        _vote(customs, id);

        address stranger = makeAddr("stranger");
        vm.expectRevert(
            abi.encodeWithSelector(IAuthorityChecks.AuthorityNotActive.selector, stranger, AuthorityStatus.None)
        );
        _vote(stranger, id);
    }

    function test_vote_rejectsSuspendedIssuer() public {
        _deploy(4);
        _suspend(founders[3], founders[0], founders[1], founders[2]);
        uint256 id = _proposeCandidate(founders[0]);
        vm.expectRevert(
            abi.encodeWithSelector(IAuthorityChecks.AuthorityNotActive.selector, founders[3], AuthorityStatus.Suspended)
        );
        _vote(founders[3], id);
    }

    function test_vote_rejectsIssuerAdmittedAfterProposalOpened() public {
        _deploy(3);
        uint256 pendingId = _proposeCandidate(founders[0]);
        address late = makeAddr("late-BR");
        vm.prank(founders[0]);
        uint256 admitLate = registry.proposeIssuer(late, "BR", "late", makeAddr("node-late"));
        _vote(founders[1], admitLate);
        assertTrue(registry.isActive(late, AuthorityKind.Issuer, "BR"));

        vm.expectRevert(abi.encodeWithSelector(IAuthorityRegistry.NotEligibleToVote.selector, pendingId, late));
        _vote(late, pendingId);
    }

    function test_vote_rejectsExpiredProposal() public {
        _deploy(3);
        uint256 id = _proposeCandidate(founders[0]);
        uint40 expiresAt = registry.proposal(id).expiresAt;
        vm.warp(expiresAt);
        vm.expectRevert(abi.encodeWithSelector(IAuthorityRegistry.ProposalExpired.selector, id, expiresAt));
        _vote(founders[1], id);
    }

    function test_vote_lastSecondBeforeExpiryCounts() public {
        _deploy(3);
        uint256 id = _proposeCandidate(founders[0]);
        vm.warp(registry.proposal(id).expiresAt - 1);
        assertTrue(_vote(founders[1], id));
    }

    function test_vote_rejectsUnknownAndExecutedProposals() public {
        _deploy(3);
        vm.expectRevert(abi.encodeWithSelector(IAuthorityRegistry.UnknownProposal.selector, 7));
        _vote(founders[0], 7);

        uint256 id = _proposeCandidate(founders[0]);
        _vote(founders[1], id);
        vm.expectRevert(abi.encodeWithSelector(IAuthorityRegistry.ProposalAlreadyExecuted.selector, id));
        _vote(founders[2], id);
    }

    function test_vote_failingExecutionRevertsTheVote() public {
        _deploy(3);
        (address a, address b, address c) = (founders[0], founders[1], founders[2]);
        // Three suspensions, opened while all three issuers are active.
        vm.prank(a);
        uint256 suspendB = registry.proposeSuspension(b);
        vm.prank(a);
        uint256 suspendC = registry.proposeSuspension(c);
        vm.prank(b);
        uint256 suspendA = registry.proposeSuspension(a);
        _vote(c, suspendB);
        _vote(c, suspendC);
        assertEq(registry.activeIssuerCount(), 1);

        // The last one reaches its majority with a's own vote, but would leave nobody active.
        vm.expectRevert(abi.encodeWithSelector(IAuthorityRegistry.LastActiveIssuer.selector, a));
        _vote(a, suspendA);
        assertFalse(registry.hasVoted(suspendA, a), "the failed vote is not counted");
        assertTrue(registry.isActive(a, AuthorityKind.Issuer, "CH"));
    }

    // ------------------------------------------------------------------ proposal validation

    function test_propose_rejectsNonIssuerAndSuspendedProposer() public {
        _deploy(3);
        address stranger = makeAddr("stranger");
        vm.expectRevert(
            abi.encodeWithSelector(IAuthorityChecks.AuthorityNotActive.selector, stranger, AuthorityStatus.None)
        );
        vm.prank(stranger);
        registry.proposeIssuer(candidate, "FR", "new", candidateNode);

        _suspend(founders[2], founders[0], founders[1]);
        vm.expectRevert(
            abi.encodeWithSelector(IAuthorityChecks.AuthorityNotActive.selector, founders[2], AuthorityStatus.Suspended)
        );
        vm.prank(founders[2]);
        registry.proposeReinstatement(founders[2]);
    }

    function test_proposeIssuer_rejectsBadCandidates() public {
        _deploy(2);
        vm.startPrank(founders[0]);
        vm.expectRevert(
            abi.encodeWithSelector(IAuthorityRegistry.AuthorityAlreadyExists.selector, founders[1], AuthorityKind.Issuer)
        );
        registry.proposeIssuer(founders[1], "FR", "new", candidateNode);
        vm.expectRevert(IAuthorityRegistry.ZeroAccount.selector);
        registry.proposeIssuer(address(0), "FR", "new", candidateNode);
        vm.expectRevert(abi.encodeWithSelector(IAuthorityRegistry.ZeroCode.selector, candidate));
        registry.proposeIssuer(candidate, "FR", bytes32(0), candidateNode);
        bytes2 digit = "F1";
        vm.expectRevert(abi.encodeWithSelector(Country.InvalidCountry.selector, digit));
        registry.proposeIssuer(candidate, digit, "new", candidateNode);
        vm.stopPrank();
    }

    function test_proposeSuspension_rejectsUnknownAgencyAndUnchanged() public {
        _deploy(2);
        address customs = makeAddr("customs");
        vm.startPrank(founders[0]);
        registry.designate(customs, AuthorityKind.Customs, "customs");
        vm.expectRevert(
            abi.encodeWithSelector(IAuthorityRegistry.NotAGovernedKind.selector, customs, AuthorityKind.Customs)
        );
        registry.proposeSuspension(customs);
        vm.expectRevert(abi.encodeWithSelector(IAuthorityRegistry.UnknownAuthority.selector, candidate));
        registry.proposeSuspension(candidate);
        vm.expectRevert(
            abi.encodeWithSelector(IAuthorityRegistry.StatusUnchanged.selector, founders[1], AuthorityStatus.Active)
        );
        registry.proposeReinstatement(founders[1]);
        vm.stopPrank();
    }

    function test_propose_rejectsSecondOpenProposalForSameTarget() public {
        _deploy(3);
        uint256 id = _proposeCandidate(founders[0]);
        vm.expectRevert(abi.encodeWithSelector(IAuthorityRegistry.ProposalAlreadyOpen.selector, candidate, id));
        vm.prank(founders[1]);
        registry.proposeIssuer(candidate, "FR", "other code", candidateNode);
    }

    function test_propose_supersedesExpiredProposalForSameTarget() public {
        _deploy(3);
        uint256 first = _proposeCandidate(founders[0]);
        vm.warp(block.timestamp + registry.PROPOSAL_LIFETIME());
        vm.expectEmit(true, true, true, true);
        emit IAuthorityRegistry.ProposalClosed(first, founders[1]);
        uint256 second = _proposeCandidate(founders[1]);
        uint256[] memory pending = registry.pendingProposalIds();
        assertEq(pending.length, 1);
        assertEq(pending[0], second);
    }

    function test_proposeSuspension_ofLastIssuerFails() public {
        _deploy(1);
        vm.expectRevert(abi.encodeWithSelector(IAuthorityRegistry.LastActiveIssuer.selector, founders[0]));
        vm.prank(founders[0]);
        registry.proposeSuspension(founders[0]);
    }

    // ------------------------------------------------------------------ closing expired proposals

    function test_closeExpired_removesFromPendingOnce() public {
        _deploy(3);
        uint256 id = _proposeCandidate(founders[0]);
        uint40 expiresAt = registry.proposal(id).expiresAt;

        vm.expectRevert(abi.encodeWithSelector(IAuthorityRegistry.ProposalNotExpired.selector, id, expiresAt));
        vm.prank(founders[1]);
        registry.closeExpired(id);

        vm.warp(expiresAt);
        vm.expectEmit(true, true, true, true);
        emit IAuthorityRegistry.ProposalClosed(id, founders[1]);
        vm.prank(founders[1]);
        registry.closeExpired(id);
        assertEq(registry.pendingProposalIds().length, 0);
        assertEq(registry.proposal(id).target, candidate, "nothing is deleted");

        vm.expectRevert(abi.encodeWithSelector(IAuthorityRegistry.ProposalAlreadyClosed.selector, id));
        vm.prank(founders[1]);
        registry.closeExpired(id);
    }

    function test_closeExpired_rejectsUnknownExecutedAndNonIssuer() public {
        _deploy(1);
        vm.expectRevert(abi.encodeWithSelector(IAuthorityRegistry.UnknownProposal.selector, 1));
        vm.prank(founders[0]);
        registry.closeExpired(1);

        uint256 id = _proposeCandidate(founders[0]);
        vm.warp(block.timestamp + registry.PROPOSAL_LIFETIME());
        vm.expectRevert(abi.encodeWithSelector(IAuthorityRegistry.ProposalAlreadyExecuted.selector, id));
        vm.prank(founders[0]);
        registry.closeExpired(id);

        vm.expectRevert(
            abi.encodeWithSelector(IAuthorityChecks.AuthorityNotActive.selector, address(this), AuthorityStatus.None)
        );
        registry.closeExpired(id);
    }

    // ------------------------------------------------------------------ helpers

    function _proposeCandidate(address proposer) private returns (uint256 id) {
        vm.prank(proposer);
        return registry.proposeIssuer(candidate, "FR", "new", candidateNode);
    }

    /// @dev Suspends `target` with a proposal by `a` and a vote by `b` (enough for 2 or 3 issuers).
    function _suspend(address target, address a, address b) private {
        vm.prank(a);
        uint256 id = registry.proposeSuspension(target);
        _vote(b, id);
    }

    /// @dev Suspends `target` with a proposal by `a` and votes by `b` and `c` (4 issuers).
    function _suspend(address target, address a, address b, address c) private {
        vm.prank(a);
        uint256 id = registry.proposeSuspension(target);
        _vote(b, id);
        _vote(c, id);
    }
}

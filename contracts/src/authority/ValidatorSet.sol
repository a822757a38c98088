// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";
import {AuthorityDirectory} from "./AuthorityDirectory.sol";
import {AuthorityKind, AuthorityStatus} from "./AuthorityTypes.sol";
import {IValidatorSet} from "./IValidatorSet.sol";

/// @title ValidatorSet
/// @notice The validator nodes of the issuers and the set Besu reads every block. An issuer
/// gets its node when it is founded or admitted; its node validates exactly while the issuer
/// is active. The set is kept as it changes (O(1) per change), so {getValidators} reads only
/// the validators, never the list of all authorities.
/// @dev Node addresses are never reused: `_holders` remembers every node ever assigned, as
/// accounts are never reused either. A node address is never an authority account and the
/// other way round, so a leaked node key can never act as an authority.
abstract contract ValidatorSet is AuthorityDirectory {
    using EnumerableSet for EnumerableSet.AddressSet;

    /// @notice QBFT tolerates f faulty validators with 3f+1 of them: below four, none.
    uint256 public constant BFT_MIN_VALIDATORS = 4;

    /// Each issuer's current node.
    mapping(address account => address node) private _nodes;
    /// Every node ever assigned, with its issuer; never cleared.
    mapping(address node => address account) private _holders;
    /// The nodes of the active issuers.
    EnumerableSet.AddressSet private _validators;

    // ----------------------------------------------------------------------------- writes

    /// @inheritdoc IValidatorSet
    function rotateNode(address newNode) external {
        _requireActiveIssuer(msg.sender);
        address oldNode = _nodes[msg.sender];
        _requireNodeAssignable(newNode, msg.sender);
        _holders[newNode] = msg.sender;
        _nodes[msg.sender] = newNode;
        _validators.remove(oldNode);
        emit ValidatorRemoved(oldNode, msg.sender, msg.sender);
        _validators.add(newNode);
        emit ValidatorAdded(newNode, msg.sender, msg.sender);
    }

    // ----------------------------------------------------------------------------- views

    /// @inheritdoc IValidatorSet
    function getValidators() external view returns (address[] memory) {
        return _validators.values();
    }

    /// @inheritdoc IValidatorSet
    function validatorCount() external view returns (uint256) {
        return _validators.length();
    }

    /// @inheritdoc IValidatorSet
    function nodeOf(address account) external view returns (address) {
        return _nodes[account];
    }

    /// @inheritdoc IValidatorSet
    function accountOfNode(address node) external view returns (address) {
        address holder = _holders[node];
        return _nodes[holder] == node ? holder : address(0);
    }

    /// @inheritdoc IValidatorSet
    function isValidator(address node) external view returns (bool) {
        return _validators.contains(node);
    }

    // ----------------------------------------------------------------------------- internals

    /// @dev Gives an issuer admitted by vote its node, which starts validating at once.
    function _admitNode(address account, address node, address actor) internal {
        uint256 before = _validators.length();
        _assignNode(account, node, actor);
        _reportFaultTolerance(before);
    }

    /// @dev Gives a new, active issuer its node, which starts validating at once. Does not
    /// report fault tolerance, so that the constructor reports once for all founders.
    function _assignNode(address account, address node, address actor) internal {
        _requireNodeAssignable(node, account);
        _holders[node] = account;
        _nodes[account] = node;
        _validators.add(node);
        emit ValidatorAdded(node, account, actor);
    }

    /// @dev Emits the fault-tolerance event that the change from `before` validators to the
    /// current number calls for: lost whenever fewer than four remain after a change of size,
    /// restored when four are reached from fewer.
    function _reportFaultTolerance(uint256 before) internal {
        uint256 count = _validators.length();
        if (count < BFT_MIN_VALIDATORS) emit FaultToleranceLost(count);
        else if (before < BFT_MIN_VALIDATORS) emit FaultToleranceRestored(count);
    }

    /// @dev Reverts unless `node` may become the node of `account`.
    function _requireNodeAssignable(address node, address account) internal view {
        if (node == address(0)) revert ZeroNode();
        address holder = _holders[node];
        if (holder != address(0)) revert NodeAlreadyUsed(node, holder);
        if (node == account || _authority(node).kind != AuthorityKind.None) revert NodeIsAuthority(node);
    }

    /// @dev A node address, current or retired, never becomes an authority account.
    function _requireNotNode(address account) internal view override {
        address holder = _holders[account];
        if (holder != address(0)) revert AccountIsNode(account, holder);
    }

    /// @dev A suspended issuer's node stops validating; a reinstated issuer's node resumes.
    function _issuerStatusChanged(address account, AuthorityStatus status, address actor) internal override {
        address node = _nodes[account];
        uint256 before = _validators.length();
        if (status == AuthorityStatus.Active) {
            _validators.add(node);
            emit ValidatorAdded(node, account, actor);
        } else {
            _validators.remove(node);
            emit ValidatorRemoved(node, account, actor);
        }
        _reportFaultTolerance(before);
    }
}

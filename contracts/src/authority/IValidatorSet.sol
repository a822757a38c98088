// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title IValidatorSet
/// @notice The chain's block signers, governed by the authorities. Every issuer has one
/// validator node address (its block-signing key, separate from its authority key); the
/// validators are the nodes of the active issuers. Hyperledger Besu's QBFT contract validator
/// selection calls {getValidators} on this contract every block.
interface IValidatorSet {
    // ----------------------------------------------------------------------------- events

    /// @notice A node became a validator: its issuer was founded, admitted or reinstated, or
    /// rotated to this node.
    /// @param node The validator node address (block-signing key).
    /// @param account The issuer it belongs to.
    /// @param actor The voter whose vote executed the change, the issuer itself when rotating,
    /// or address(0) for founders set at deployment.
    event ValidatorAdded(address indexed node, address indexed account, address indexed actor);

    /// @notice A node stopped being a validator: its issuer was suspended, or rotated away from it.
    /// @param node The validator node address.
    /// @param account The issuer it belongs to.
    /// @param actor The voter whose vote executed the suspension, or the issuer itself when rotating.
    event ValidatorRemoved(address indexed node, address indexed account, address indexed actor);

    /// @notice A removal left fewer than {BFT_MIN_VALIDATORS} validators: QBFT no longer
    /// tolerates a single faulty or offline validator. Emitted by every such removal.
    /// @param validators Validators left.
    event FaultToleranceLost(uint256 validators);

    /// @notice An addition brought the validators back to {BFT_MIN_VALIDATORS}: QBFT
    /// tolerates one faulty validator again.
    /// @param validators Validators now.
    event FaultToleranceRestored(uint256 validators);

    // ----------------------------------------------------------------------------- errors

    /// @notice A validator node address must be non-zero.
    error ZeroNode();

    /// @notice The node address belongs, or belonged, to an issuer: node addresses are never reused.
    /// @param node The node address.
    /// @param holder The issuer that holds or held it.
    error NodeAlreadyUsed(address node, address holder);

    /// @notice The node address is an authority account (or the account being admitted):
    /// block-signing keys are separate from authority keys.
    /// @param node The node address.
    error NodeIsAuthority(address node);

    /// @notice The account is, or was, a validator node address and cannot become an authority.
    /// @param account The account being added.
    /// @param holder The issuer whose node it is or was.
    error AccountIsNode(address account, address holder);

    // ----------------------------------------------------------------------------- writes

    /// @notice Replaces the caller's validator node, e.g. after its key was compromised; no vote
    /// needed. The old node stops validating at once and can never be used again.
    /// Caller: an active Issuer.
    /// @param newNode The new node address: non-zero, never used as a node, not an authority account.
    function rotateNode(address newNode) external;

    // ----------------------------------------------------------------------------- views

    /// @notice The current validators: the nodes of the active issuers, each once, in no
    /// particular order. Called by Besu every block; costs one storage read per validator.
    /// @return The validator node addresses.
    function getValidators() external view returns (address[] memory);

    /// @notice Number of current validators (always equal to the number of active issuers).
    /// @return The count.
    function validatorCount() external view returns (uint256);

    /// @notice An issuer's current node, whether or not the issuer is active.
    /// @param account The issuer.
    /// @return The node address, or address(0) when the account is not an issuer.
    function nodeOf(address account) external view returns (address);

    /// @notice The issuer whose current node is `node`.
    /// @param node A node address.
    /// @return The issuer, or address(0) when no issuer has this node now (retired nodes included).
    function accountOfNode(address node) external view returns (address);

    /// @notice Whether `node` is a validator now.
    /// @param node A node address.
    /// @return True when it is in {getValidators}.
    function isValidator(address node) external view returns (bool);
}

// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Country} from "../common/Country.sol";
import {AuthorityCheck} from "./AuthorityCheck.sol";
import {Authority, AuthorityKind, AuthorityStatus} from "./AuthorityTypes.sol";
import {IAuthorityRegistry} from "./IAuthorityRegistry.sol";

/// @title AuthorityDirectory
/// @notice Storage of the authorities, their views, and the agency management an issuer
/// does without a vote. Validator nodes live in {ValidatorSet}, gateways in
/// {GatewayDirectory}, governance (votes) in {AuthorityRegistry}.
abstract contract AuthorityDirectory is IAuthorityRegistry {
    mapping(address account => Authority) private _authorities;
    address[] private _accounts;
    uint256 private _activeIssuers;
    /// Last admission sequence number handed to an issuer.
    uint32 internal _admissionSeq;

    // ----------------------------------------------------------------------------- agencies

    /// @inheritdoc IAuthorityRegistry
    function designate(address account, AuthorityKind kind, bytes32 code) external {
        if (!_isAgencyKind(kind)) revert NotAnAgencyKind(kind);
        bytes2 country = _requireActiveIssuer(msg.sender);
        _requireNoOpenProposal(account);
        _add(account, kind, country, code, msg.sender);
    }

    /// @inheritdoc IAuthorityRegistry
    function suspendAgency(address account) external {
        _setAgencyStatus(account, AuthorityStatus.Suspended);
    }

    /// @inheritdoc IAuthorityRegistry
    function reinstateAgency(address account) external {
        _setAgencyStatus(account, AuthorityStatus.Active);
    }

    // ----------------------------------------------------------------------------- views

    /// @inheritdoc IAuthorityRegistry
    function authorityOf(address account) external view returns (Authority memory) {
        return _authorities[account];
    }

    /// @inheritdoc IAuthorityRegistry
    function profileOf(address account)
        external
        view
        returns (bytes2 country, AuthorityKind kind, AuthorityStatus status)
    {
        Authority storage a = _authorities[account];
        return (a.country, a.kind, a.status);
    }

    /// @inheritdoc IAuthorityRegistry
    function profilesOf(address actor, address issuer)
        external
        view
        returns (
            bytes2 actorCountry,
            AuthorityKind actorKind,
            AuthorityStatus actorStatus,
            bytes2 issuerCountry,
            AuthorityStatus issuerStatus
        )
    {
        Authority storage a = _authorities[actor];
        Authority storage i = _authorities[issuer];
        return (a.country, a.kind, a.status, i.country, i.status);
    }

    /// @inheritdoc IAuthorityRegistry
    function isActive(address account, AuthorityKind kind, bytes2 country) external view returns (bool) {
        Authority storage a = _authorities[account];
        return a.status == AuthorityStatus.Active && a.kind == kind && a.country == country;
    }

    /// @inheritdoc IAuthorityRegistry
    function activeIssuerCount() public view returns (uint256) {
        return _activeIssuers;
    }

    /// @inheritdoc IAuthorityRegistry
    function authorityCount() external view returns (uint256) {
        return _accounts.length;
    }

    /// @inheritdoc IAuthorityRegistry
    function authorities() external view returns (address[] memory) {
        return _accounts;
    }

    /// @inheritdoc IAuthorityRegistry
    function authoritiesPage(uint256 offset, uint256 limit) external view returns (address[] memory page) {
        uint256 total = _accounts.length;
        if (offset >= total) return new address[](0);
        uint256 end = total - offset < limit ? total : offset + limit;
        page = new address[](end - offset);
        for (uint256 i = offset; i < end; ++i) {
            page[i - offset] = _accounts[i];
        }
    }

    // ----------------------------------------------------------------------------- internals

    /// @dev Adds a new authority. Issuers get the next admission sequence number, which is
    /// what later decides on which proposals they may vote.
    function _add(address account, AuthorityKind kind, bytes2 country, bytes32 code, address actor) internal {
        Authority storage a = _authorities[account];
        _requireAddable(account, a.kind, country, code);
        a.country = country;
        a.kind = kind;
        a.status = AuthorityStatus.Active;
        a.code = code;
        if (kind == AuthorityKind.Issuer) {
            a.admissionSeq = ++_admissionSeq;
            ++_activeIssuers;
        }
        _accounts.push(account);
        emit AuthorityDesignated(account, actor, kind, country, code);
    }

    /// @dev Reverts unless a new authority with these data may be added to `account`,
    /// whose current kind is `existingKind`.
    function _requireAddable(address account, AuthorityKind existingKind, bytes2 country, bytes32 code)
        internal
        view
    {
        if (account == address(0)) revert ZeroAccount();
        if (existingKind != AuthorityKind.None) revert AuthorityAlreadyExists(account, existingKind);
        if (code == bytes32(0)) revert ZeroCode(account);
        Country.requireValid(country);
        _requireNotNode(account);
    }

    /// @dev Changes an existing authority's status, keeping the active issuer count exact.
    /// Refuses to suspend the last active issuer, which would freeze governance for good and,
    /// since every active issuer is exactly one validator, stop the chain: this one rule also
    /// keeps the last validator.
    function _setStatus(address account, AuthorityStatus status, address actor) internal {
        Authority storage a = _authorities[account];
        if (a.kind == AuthorityKind.None) revert UnknownAuthority(account);
        if (a.status == status) revert StatusUnchanged(account, status);
        if (a.kind == AuthorityKind.Issuer) {
            if (status == AuthorityStatus.Active) {
                ++_activeIssuers;
            } else {
                if (_activeIssuers == 1) revert LastActiveIssuer(account);
                --_activeIssuers;
            }
        }
        a.status = status;
        emit AuthorityStatusChanged(account, actor, status);
        if (a.kind == AuthorityKind.Issuer) _issuerStatusChanged(account, status, actor);
    }

    /// @dev Reverts unless `account` is an active Issuer; returns its country.
    function _requireActiveIssuer(address account) internal view returns (bytes2 country) {
        Authority storage a = _authorities[account];
        AuthorityCheck.requireActive(account, a.kind, a.status, AuthorityKind.Issuer);
        return a.country;
    }

    function _authority(address account) internal view returns (Authority storage) {
        return _authorities[account];
    }

    /// @dev Reverts unless `account` is an agency (not an issuer or secretariat) of `country`,
    /// the country of the acting issuer msg.sender.
    function _requireAgencyOf(address account, bytes2 country) internal view {
        Authority storage a = _authorities[account];
        if (a.kind == AuthorityKind.None) revert UnknownAuthority(account);
        if (!_isAgencyKind(a.kind)) revert NotAnAgencyKind(a.kind);
        if (a.country != country) revert WrongCountry(msg.sender, country, a.country);
    }

    /// @dev Hook for governance: an account that an open proposal is about must not be
    /// claimed by another path meanwhile.
    function _requireNoOpenProposal(address account) internal view virtual;

    /// @dev Hook for the validator set: a validator node address never becomes an authority.
    function _requireNotNode(address account) internal view virtual;

    /// @dev Hook for the validator set: an issuer was suspended or reinstated.
    function _issuerStatusChanged(address account, AuthorityStatus status, address actor) internal virtual;

    function _setAgencyStatus(address account, AuthorityStatus status) private {
        bytes2 country = _requireActiveIssuer(msg.sender);
        _requireAgencyOf(account, country);
        _setStatus(account, status, msg.sender);
    }

    function _isAgencyKind(AuthorityKind kind) private pure returns (bool) {
        return kind == AuthorityKind.Customs || kind == AuthorityKind.ScientificAuthority
            || kind == AuthorityKind.SingleWindow;
    }
}

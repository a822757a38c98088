// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AuthorityKind, AuthorityProfile, AuthorityStatus} from "./AuthorityTypes.sol";
import {IAuthorityChecks} from "./IAuthorityChecks.sol";

/// @title AuthorityCheck
/// @notice The one authorisation rule both registries apply: the account must be an ACTIVE
/// authority of a given kind and country. Checked in this order so the error names the
/// first thing that is wrong (status, then kind, then country).
library AuthorityCheck {
    /// @notice Reverts unless `profile` is active, of `kind` and of `country`.
    /// @param profile The account's profile as read from the AuthorityRegistry.
    /// @param account The account, for the error data.
    /// @param kind The kind the action needs.
    /// @param country The country the action needs.
    function requireActive(AuthorityProfile memory profile, address account, AuthorityKind kind, bytes2 country)
        internal
        pure
    {
        requireActiveKind(profile, account, kind);
        if (profile.country != country) revert IAuthorityChecks.WrongCountry(account, profile.country, country);
    }

    /// @notice Reverts unless `profile` is active and of `kind`, whatever its country.
    /// @param profile The account's profile as read from the AuthorityRegistry.
    /// @param account The account, for the error data.
    /// @param kind The kind the action needs.
    function requireActiveKind(AuthorityProfile memory profile, address account, AuthorityKind kind) internal pure {
        if (profile.status != AuthorityStatus.Active) {
            revert IAuthorityChecks.AuthorityNotActive(account, profile.status);
        }
        if (profile.kind != kind) revert IAuthorityChecks.WrongAuthorityKind(account, profile.kind, kind);
    }
}

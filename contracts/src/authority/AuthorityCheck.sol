// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AuthorityKind, AuthorityStatus} from "./AuthorityTypes.sol";
import {IAuthorityChecks} from "./IAuthorityChecks.sol";

/// @title AuthorityCheck
/// @notice The one authorisation rule both registries apply: the account must be an ACTIVE
/// authority of a given kind (and, where it matters, country). Checked in this order so the
/// error names the first thing that is wrong: status, then kind, then country.
library AuthorityCheck {
    /// @notice Reverts unless the account is active and of `requiredKind`, whatever its country.
    /// @param account The account, for the error data.
    /// @param kind Its kind.
    /// @param status Its status.
    /// @param requiredKind The kind the action needs.
    function requireActive(address account, AuthorityKind kind, AuthorityStatus status, AuthorityKind requiredKind)
        internal
        pure
    {
        if (status != AuthorityStatus.Active) revert IAuthorityChecks.AuthorityNotActive(account, status);
        if (kind != requiredKind) revert IAuthorityChecks.WrongAuthorityKind(account, kind, requiredKind);
    }

    /// @notice Reverts unless the account is active, of `requiredKind` and of `requiredCountry`.
    /// @param account The account, for the error data.
    /// @param country Its country.
    /// @param kind Its kind.
    /// @param status Its status.
    /// @param requiredKind The kind the action needs.
    /// @param requiredCountry The country the action needs.
    function requireActiveIn(
        address account,
        bytes2 country,
        AuthorityKind kind,
        AuthorityStatus status,
        AuthorityKind requiredKind,
        bytes2 requiredCountry
    ) internal pure {
        requireActive(account, kind, status, requiredKind);
        if (country != requiredCountry) revert IAuthorityChecks.WrongCountry(account, country, requiredCountry);
    }
}

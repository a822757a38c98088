// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AuthorityKind, AuthorityStatus} from "./AuthorityTypes.sol";

/// @title IAuthorityChecks
/// @notice Errors raised when an account is not the authority an action requires. Shared by
/// the AuthorityRegistry and the PermitRegistry so a gateway decodes them the same way.
interface IAuthorityChecks {
    /// @notice `account` is unknown (status None) or suspended.
    /// @param account The acting account.
    /// @param status Its current status.
    error AuthorityNotActive(address account, AuthorityStatus status);

    /// @notice `account` is an authority of the wrong kind for this action.
    /// @param account The acting account.
    /// @param actual Its kind.
    /// @param required The kind the action needs.
    error WrongAuthorityKind(address account, AuthorityKind actual, AuthorityKind required);

    /// @notice `account` belongs to another country than the action needs.
    /// @param account The acting account.
    /// @param actual Its country.
    /// @param required The country the action needs.
    error WrongCountry(address account, bytes2 actual, bytes2 required);
}

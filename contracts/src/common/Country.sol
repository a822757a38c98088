// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title Country
/// @notice ISO 3166-1 alpha-2 country codes as `bytes2` holding two ASCII upper-case letters
/// (e.g. "CH" = 0x4348). `bytes2(0)` means "no country" where a field is optional.
library Country {
    /// @notice The code is not two ASCII letters A-Z.
    /// @param country The rejected code.
    error InvalidCountry(bytes2 country);

    /// @notice Whether `country` is two ASCII upper-case letters.
    /// @param country The code to test.
    /// @return True for "AA".."ZZ", false otherwise (including `bytes2(0)`).
    function isValid(bytes2 country) internal pure returns (bool) {
        return _isUpperLetter(country[0]) && _isUpperLetter(country[1]);
    }

    /// @notice Reverts with {InvalidCountry} unless `country` is two ASCII upper-case letters.
    /// @param country The code to check.
    function requireValid(bytes2 country) internal pure {
        if (!isValid(country)) revert InvalidCountry(country);
    }

    function _isUpperLetter(bytes1 b) private pure returns (bool) {
        return b >= 0x41 && b <= 0x5A;
    }
}

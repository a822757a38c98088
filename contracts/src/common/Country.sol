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
        uint16 c = uint16(country);
        return _isUpperLetter(c >> 8) && _isUpperLetter(c & 0xFF);
    }

    /// @notice Reverts with {InvalidCountry} unless `country` is two ASCII upper-case letters.
    /// @param country The code to check.
    function requireValid(bytes2 country) internal pure {
        if (!isValid(country)) revert InvalidCountry(country);
    }

    /// @dev 'A' is 0x41, 'Z' is 0x5A; anything below 'A' wraps to a large number.
    function _isUpperLetter(uint16 b) private pure returns (bool) {
        unchecked {
            return b - 0x41 < 26;
        }
    }
}

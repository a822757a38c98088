// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title AbiProbe
/// @notice Test fixture for the C# ABI codec, compiled by solc and run on anvil: it passes
/// values through solc's own decoder and encoder, emits events with indexed values of every
/// kind, and reverts in each way the revert decoder tells apart.
contract AbiProbe {
    struct Line {
        uint64 amount;
        string unit;
        bytes32[] refs;
    }

    struct Permit {
        bytes32 key;
        address issuer;
        int16 delta;
        Line[] lines;
        bool[2] flags;
        bytes3 code;
    }

    event Recorded(string indexed permitId, uint256[] indexed amounts, Line indexed line, bytes note, Permit permit);
    event Tagged(bytes indexed blob, int8[2] indexed pair, bytes4 indexed tag, address indexed who, string text) anonymous;

    error PermitExhausted(bytes32 permitKey, uint256 remaining);
    error Unauthorized(address caller, string reason);

    /// @notice Returns its arguments: solc decodes the calldata and encodes the same values back.
    function echo(Permit calldata permit, string[] calldata ids, int256 x, bytes calldata blob)
        external
        pure
        returns (Permit memory, string[] memory, int256, bytes memory)
    {
        return (permit, ids, x, blob);
    }

    /// @notice Emits one event with hashed indexed values and one anonymous event.
    function record(
        string calldata permitId,
        uint256[] calldata amounts,
        Line calldata line,
        bytes calldata note,
        Permit calldata permit,
        int8[2] calldata pair,
        bytes4 tag
    ) external {
        emit Recorded(permitId, amounts, line, note, permit);
        emit Tagged(note, pair, tag, msg.sender, permitId);
    }

    /// @notice Reverts in the way selected by `kind` (returns only for an unknown kind).
    function fail(uint8 kind, uint256 x) external pure returns (uint256) {
        if (kind == 0) revert PermitExhausted(bytes32(x), 3);
        // Truncating x to an address is the point: any value makes a valid test address.
        // forge-lint: disable-next-line(unsafe-typecast)
        if (kind == 1) revert Unauthorized(address(uint160(x)), "not the issuer");
        if (kind == 2) require(x == type(uint256).max, "permit expired");
        uint256 zero = x * 0;
        if (kind == 3) return 10 / zero;
        if (kind == 4) return x + type(uint256).max;
        if (kind == 5) assert(zero == 1);
        if (kind == 6) return new uint256[](1)[x + 1];
        if (kind == 7) revert();
        return 0;
    }

    /// @notice The revert data of `fail(kind, x)`, caught so that a plain call can return it.
    function probe(uint8 kind, uint256 x) external view returns (bytes memory) {
        try this.fail(kind, x) returns (uint256) {
            return "";
        } catch (bytes memory reason) {
            return reason;
        }
    }
}

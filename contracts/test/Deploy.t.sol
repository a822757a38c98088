// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {AuthorityRegistry} from "../src/authority/AuthorityRegistry.sol";
import {AuthorityKind} from "../src/authority/AuthorityTypes.sol";
import {PermitRegistry} from "../src/permit/PermitRegistry.sol";
import {Deploy} from "../script/Deploy.s.sol";

contract DeployScriptTest is Test {
    Deploy internal script = new Deploy();

    function test_run_deploysFoundersFromEnvironment() public {
        address ch = makeAddr("issuer-CH");
        address de = makeAddr("issuer-DE");
        address nodeCH = makeAddr("node-CH");
        address nodeDE = makeAddr("node-DE");
        vm.setEnv("FOUNDING_ISSUERS", string.concat(vm.toString(ch), ",", vm.toString(de)));
        vm.setEnv("FOUNDING_COUNTRIES", "CH,DE");
        vm.setEnv("FOUNDING_CODES", "FSVO,BfN");
        vm.setEnv("FOUNDING_NODES", string.concat(vm.toString(nodeCH), ",", vm.toString(nodeDE)));
        (AuthorityRegistry registry, PermitRegistry permits) = script.run();

        assertEq(address(permits.authorityRegistry()), address(registry));
        assertTrue(registry.isActive(ch, AuthorityKind.Issuer, "CH"));
        assertTrue(registry.isActive(de, AuthorityKind.Issuer, "DE"));
        bytes32 code = "BfN";
        assertEq(registry.authorityOf(de).code, code);
        assertEq(registry.activeIssuerCount(), 2);
        assertEq(registry.nodeOf(ch), nodeCH);
        assertEq(registry.nodeOf(de), nodeDE);
        address[] memory validators = registry.getValidators();
        assertEq(validators.length, 2);
        assertEq(validators[0], nodeCH);
        assertEq(validators[1], nodeDE);
    }

    function test_toCountries_rejectsWrongLength() public {
        string[] memory codes = new string[](1);
        codes[0] = "CHE";
        vm.expectRevert(abi.encodeWithSelector(Deploy.BadCountryCode.selector, "CHE"));
        script.toCountries(codes);
    }

    function test_toCodes_matchesCastFormatBytes32String() public {
        string[] memory codes = new string[](1);
        codes[0] = "FSVO";
        // Expected value is the output of `cast format-bytes32-string FSVO`.
        assertEq(script.toCodes(codes)[0], 0x4653564f00000000000000000000000000000000000000000000000000000000);
        codes[0] = "this code is longer than thirty-two bytes";
        vm.expectRevert(abi.encodeWithSelector(Deploy.CodeTooLong.selector, codes[0]));
        script.toCodes(codes);
    }
}

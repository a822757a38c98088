// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {AuthorityRegistry} from "../../src/authority/AuthorityRegistry.sol";
import {AuthorityKind, AuthorityStatus} from "../../src/authority/AuthorityTypes.sol";
import {PermitRegistry} from "../../src/permit/PermitRegistry.sol";
import {PermitInput, PermitType} from "../../src/permit/PermitTypes.sol";

/// @notice Drives the ledger like a small network would: three issuing countries, customs
/// offices in each, permits registered, shipped, confirmed, cancelled and replaced while
/// time passes and issuers are suspended and reinstated. Every actor is picked at random,
/// so many calls are (rightly) refused.
/// @dev Ghost state is built only from the calls that succeeded and the rules of the
/// ledger, never by reading the ledger back; the invariants compare the two.
contract LedgerHandler is Test {
    uint256 internal constant REFS_PER_PERMIT = 4;

    AuthorityRegistry public immutable registry;
    PermitRegistry public immutable permits;

    address[] internal issuers;
    address[] internal customs;
    mapping(address account => bytes2) internal countryOf;
    address internal stranger = makeAddr("stranger");

    struct GhostShipment {
        bool exported;
        bool imported;
        uint96[] exportedQty;
        uint96[] importedQty;
    }

    bytes32[] public keys;
    mapping(bytes32 key => uint96[]) public ghostAuthorised;
    mapping(bytes32 key => uint96[]) internal _ghostUsed;
    mapping(bytes32 key => uint256) public ghostShipments;
    mapping(bytes32 key => uint16) public ghostMaxShipments;
    mapping(bytes32 key => bytes2) internal _issuerCountry;
    mapping(bytes32 key => bytes2) internal _destination;
    mapping(bytes32 key => bool) public ghostClosed;
    mapping(bytes32 key => address) public ghostClosedBy;
    mapping(bytes32 key => mapping(bytes32 ref => GhostShipment)) internal _ghostShipment;

    /// Successful new records (not repeats) on permits the ghost knows are closed.
    uint256 public ghostRecordsAfterClose;
    /// Calls whose "new record / repeat" answer disagreed with the ghost.
    uint256 public ghostRepeatMismatches;
    uint256 public successfulShipments;
    uint256 public successfulCloses;

    /// @param countries_ Country of each issuer, then of each customs office, in order.
    constructor(
        AuthorityRegistry registry_,
        PermitRegistry permits_,
        address[] memory issuers_,
        address[] memory customs_,
        bytes2[] memory countries_
    ) {
        registry = registry_;
        permits = permits_;
        issuers = issuers_;
        customs = customs_;
        for (uint256 i; i < issuers_.length; ++i) {
            countryOf[issuers_[i]] = countries_[i];
        }
        for (uint256 i; i < customs_.length; ++i) {
            countryOf[customs_[i]] = countries_[issuers_.length + i];
        }
    }

    // ------------------------------------------------------------------ actions

    function register(uint256 seed) external {
        address issuer = issuers[seed % issuers.length];
        bytes32 key = keccak256(abi.encode("permit", keys.length, seed));
        PermitInput memory p = _newPermit(key, seed);
        vm.prank(issuer);
        try permits.register(p) {
            _track(key, p, issuer);
        } catch {}
    }

    function recordShipment(uint256 seed) external {
        (bytes32 key, bytes32 ref, uint96[] memory q) = _pickShipment(seed);
        if (key == bytes32(0)) return;
        vm.prank(_pickCustoms(seed >> 8, _issuerCountry[key]));
        try permits.recordShipment(key, ref, q, keccak256("officer")) returns (bool recorded) {
            _afterRecord(key, ref, q, recorded, true);
        } catch {}
    }

    function confirmArrival(uint256 seed) external {
        (bytes32 key, bytes32 ref, uint96[] memory q) = _pickShipment(seed);
        if (key == bytes32(0)) return;
        vm.prank(_pickCustoms(seed >> 8, _destination[key]));
        try permits.confirmArrival(key, ref, q, keccak256("officer")) returns (bool recorded) {
            _afterRecord(key, ref, q, recorded, false);
        } catch {}
    }

    function cancel(uint256 seed) external {
        // Closing is rarer than shipping in life; closing too often starves the shipment paths.
        if (keys.length == 0 || seed % 2 != 0) return;
        seed /= 2;
        bytes32 key = keys[seed % keys.length];
        address actor = _pickAnyone(seed >> 8);
        vm.prank(actor);
        try permits.cancel(key, uint8(bound(seed >> 16, 1, 255)), keccak256("officer")) {
            _closed(key, actor);
        } catch {}
    }

    function replace(uint256 seed) external {
        if (keys.length == 0 || seed % 2 != 0) return;
        seed /= 2;
        bytes32 oldKey = keys[seed % keys.length];
        address actor = _pickAnyone(seed >> 8);
        bytes32 newKey = keccak256(abi.encode("replacement", keys.length, seed));
        PermitInput memory p = _newPermit(newKey, seed >> 16);
        vm.prank(actor);
        try permits.replace(oldKey, 1, p, keccak256("officer")) {
            _closed(oldKey, actor);
            _track(newKey, p, actor);
        } catch {}
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 0, 1 days));
    }

    /// @dev Suspends an active issuer or reinstates a suspended one, by the votes of the others.
    function toggleIssuer(uint256 seed) external {
        if (seed % 3 != 0) return;
        seed /= 3;
        address target = issuers[seed % issuers.length];
        bool suspend = registry.authorityOf(target).status == AuthorityStatus.Active;
        uint256 id;
        for (uint256 i; i < issuers.length; ++i) {
            address voter = issuers[i];
            if (voter == target || registry.authorityOf(voter).status != AuthorityStatus.Active) continue;
            if (id == 0) {
                id = _propose(voter, target, suspend);
                if (id == 0) return;
            } else {
                vm.prank(voter);
                try registry.vote(id) {} catch {}
            }
        }
    }

    /// @dev Opens a suspension or reinstatement proposal; 0 when refused (e.g. last issuer).
    function _propose(address proposer, address target, bool suspend) private returns (uint256) {
        vm.prank(proposer);
        if (suspend) {
            try registry.proposeSuspension(target) returns (uint256 id) {
                return id;
            } catch {}
        } else {
            try registry.proposeReinstatement(target) returns (uint256 id) {
                return id;
            } catch {}
        }
        return 0;
    }

    // ------------------------------------------------------------------ ghost views

    function keyCount() external view returns (uint256) {
        return keys.length;
    }

    function ghostUsed(bytes32 key) external view returns (uint96[] memory) {
        return _ghostUsed[key];
    }

    function authorisedOf(bytes32 key) external view returns (uint96[] memory) {
        return ghostAuthorised[key];
    }

    // ------------------------------------------------------------------ ghost bookkeeping

    function _track(bytes32 key, PermitInput memory p, address issuer) private {
        keys.push(key);
        _issuerCountry[key] = countryOf[issuer];
        _destination[key] = p.destination;
        ghostAuthorised[key] = p.lines;
        _ghostUsed[key] = new uint96[](p.lines.length);
        ghostMaxShipments[key] = p.maxShipments;
    }

    function _closed(bytes32 key, address actor) private {
        ghostClosed[key] = true;
        ghostClosedBy[key] = actor;
        ++successfulCloses;
    }

    /// @dev Applies the ledger's consumption rule to the ghost: the first side to record a
    /// reference consumes its quantities and counts a shipment; a later import consumes
    /// nothing; a later export consumes what exceeds the import.
    function _afterRecord(bytes32 key, bytes32 ref, uint96[] memory q, bool recorded, bool exportSide) private {
        GhostShipment storage g = _ghostShipment[key][ref];
        bool ghostRepeat = exportSide ? g.exported : g.imported;
        if (ghostRepeat == recorded) ++ghostRepeatMismatches;
        if (!recorded) return;
        if (ghostClosed[key]) ++ghostRecordsAfterClose;
        ++successfulShipments;

        uint96[] storage used = _ghostUsed[key];
        bool otherSide = exportSide ? g.imported : g.exported;
        if (!otherSide) {
            ++ghostShipments[key];
            for (uint256 i; i < q.length; ++i) {
                used[i] += q[i];
            }
        } else if (exportSide) {
            for (uint256 i; i < q.length; ++i) {
                used[i] += q[i] - g.importedQty[i];
            }
        }
        if (exportSide) (g.exported, g.exportedQty) = (true, q);
        else (g.imported, g.importedQty) = (true, q);
    }

    // ------------------------------------------------------------------ random choices

    function _newPermit(bytes32 key, uint256 seed) private view returns (PermitInput memory p) {
        bytes2[7] memory destinations;
        (destinations[0], destinations[1], destinations[2]) = ("CH", "DE", "KE");
        (destinations[3], destinations[4], destinations[5]) = ("DE", "KE", "CH"); // [6]: no destination
        uint256 lineCount = bound(seed >> 8, 1, 3);
        p.key = key;
        p.documentHash = keccak256(abi.encode("document", key));
        p.permitType = PermitType(bound(seed >> 16, 0, 5));
        p.validFrom = uint40(block.timestamp - bound(seed >> 24, 0, 1 days));
        p.validUntil = uint40(block.timestamp + bound(seed >> 32, 1 hours, 60 days));
        p.destination = destinations[(seed >> 40) % destinations.length];
        p.maxShipments = uint16(bound(seed >> 48, p.permitType == PermitType.CitesCertificate ? 0 : 1, 3));
        p.actorRef = keccak256("officer");
        p.lines = new uint96[](lineCount);
        for (uint256 i; i < lineCount; ++i) {
            p.lines[i] = uint96(bound(uint256(keccak256(abi.encode(seed, i))), 1, 100));
        }
    }

    /// @dev A permit, one of a few references for it, and quantities: often a repeat of
    /// what a side already recorded, otherwise random amounts around what is authorised.
    function _pickShipment(uint256 seed) private view returns (bytes32 key, bytes32 ref, uint96[] memory q) {
        if (keys.length == 0) return (bytes32(0), bytes32(0), q);
        key = keys[seed % keys.length];
        ref = keccak256(abi.encode(key, (seed >> 16) % REFS_PER_PERMIT));
        GhostShipment storage g = _ghostShipment[key][ref];
        if ((seed >> 24) % 4 == 0 && g.exported) return (key, ref, g.exportedQty);
        if ((seed >> 24) % 4 == 1 && g.imported) return (key, ref, g.importedQty);
        uint96[] storage authorised = ghostAuthorised[key];
        q = new uint96[](authorised.length);
        for (uint256 i; i < q.length; ++i) {
            q[i] = uint96(bound(uint256(keccak256(abi.encode(seed, "q", i))), 0, authorised[i] * 3 / 4 + 1));
        }
    }

    /// @dev Usually a customs office of `country` (the side that may act), otherwise any
    /// customs office, an issuer or a stranger, to exercise the refusals.
    function _pickCustoms(uint256 seed, bytes2 country) private view returns (address) {
        if (seed % 4 != 0) {
            for (uint256 i; i < customs.length; ++i) {
                address c = customs[(seed / 4 + i) % customs.length];
                if (countryOf[c] == country) return c;
            }
        }
        seed /= 4;
        uint256 r = seed % (customs.length + 2);
        if (r < customs.length) return customs[r];
        return r == customs.length ? issuers[seed % issuers.length] : stranger;
    }

    function _pickAnyone(uint256 seed) private view returns (address) {
        uint256 r = seed % (issuers.length + customs.length + 1);
        if (r < issuers.length) return issuers[r];
        if (r < issuers.length + customs.length) return customs[r - issuers.length];
        return stranger;
    }
}

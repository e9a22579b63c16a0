package vn.dvcpulse.catalog.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.dvcpulse.access.Caller;
import vn.dvcpulse.catalog.domain.LocalityDraft;
import vn.dvcpulse.catalog.store.CatalogStore;
import vn.dvcpulse.catalog.store.NotInCatalogException;
import vn.dvcpulse.contract.ReceiptPeriods;
import vn.dvcpulse.contract.catalog.CatalogChange.CatalogEntity;
import vn.dvcpulse.contract.catalog.CatalogChange;
import vn.dvcpulse.contract.catalog.CatalogLookup;
import vn.dvcpulse.contract.catalog.LocalityVersion;

/** The provincial-level units, effective-dated, with their lineage across reorganisations. */
@RestController
@RequestMapping("/api/v1/catalog/localities")
class LocalityResource {

	private final CatalogStore catalog;

	private final Clock clock;

	LocalityResource(CatalogStore catalog, Clock clock) {
		this.clock = clock;
		this.catalog = catalog;
	}

	/** The units in force on {@code at}, by default today in Viet Nam. */
	@GetMapping
	Localities localities(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
		CatalogLookup lookup = this.catalog.lookup();
		LocalDate day = (at != null) ? at : today();
		List<LocalityVersion> localities = lookup.localitiesInForce(day);
		return new Localities(day, lookup.catalogVersion(), localities.size(), localities);
	}

	/**
	 * One unit with its lineage: the version of the code in force on {@code at} (today by default, or the code's
	 * latest version if it is no longer in force), what it was formed from and what it became.
	 */
	@GetMapping("/{code}")
	ResponseEntity<LocalityDetail> locality(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
		CatalogLookup lookup = this.catalog.lookup();
		List<LocalityVersion> versions = lookup.versionsOf(code);
		LocalityVersion unit = ((at != null) ? lookup.locality(code, at)
				: lookup.locality(code, today()).or(() -> versions.stream()
					.max(Comparator.comparing(LocalityVersion::validFrom))))
			.orElseThrow(() -> new NotInCatalogException("locality", code + ((at != null) ? " on " + at : "")));
		LocalityVersion successor = (unit.successorCode() != null)
				? lookup.locality(unit.successorCode(), unit.validTo().plusDays(1)).orElse(null) : null;
		LocalityDetail detail = new LocalityDetail(lookup.catalogVersion(), unit, lookup.predecessorsOf(unit),
				successor, versions.stream().map(LocalityVersion::key).toList());
		return Revisions.withEtag(ResponseEntity.ok(), unit.revision(), detail);
	}

	/** A new version: a future merger, split or renaming, closing its predecessors on the day before. */
	@PostMapping
	ResponseEntity<AddedLocality> add(@Valid @RequestBody LocalityDraft draft) {
		List<LocalityVersion> written = this.catalog.addLocalityVersion(draft, Caller.current().subject());
		return Revisions.withEtag(ResponseEntity.status(201), written.get(0).revision(),
				new AddedLocality(written.get(0), written.subList(1, written.size())));
	}

	/** Every change to every version of the code, oldest first. */
	@GetMapping("/{code}/history")
	History history(@PathVariable String code) {
		List<LocalityVersion> versions = this.catalog.lookup().versionsOf(code);
		if (versions.isEmpty()) {
			throw new NotInCatalogException("locality", code);
		}
		List<CatalogChange> changes = versions.stream()
			.flatMap((version) -> this.catalog.history(CatalogEntity.LOCALITY, version.key()).stream())
			.sorted(Comparator.comparing((CatalogChange change) -> change.revision().catalogVersion()))
			.toList();
		return new History(CatalogEntity.LOCALITY, code, changes);
	}

	private LocalDate today() {
		return ReceiptPeriods.dayOf(this.clock.instant());
	}

	record Localities(LocalDate at, long catalogVersion, int count, List<LocalityVersion> localities) {
	}

	/**
	 * @param catalogVersion the catalog version it was read at
	 * @param unit           the version asked for
	 * @param predecessors   the units it was formed from, as they were the day before it took effect
	 * @param successor      the unit it became, if it has ended
	 * @param versions       the keys of every version of its code
	 */
	record LocalityDetail(long catalogVersion, LocalityVersion unit, List<LocalityVersion> predecessors,
			LocalityVersion successor, List<String> versions) {
	}

	record AddedLocality(LocalityVersion added, List<LocalityVersion> closed) {
	}

	record History(CatalogEntity entity, String code, List<CatalogChange> changes) {
	}

}

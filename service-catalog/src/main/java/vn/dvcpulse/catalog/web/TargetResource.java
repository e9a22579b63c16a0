package vn.dvcpulse.catalog.web;

import java.time.Clock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.dvcpulse.access.Caller;
import vn.dvcpulse.catalog.store.CatalogStore;
import vn.dvcpulse.catalog.store.NotInCatalogException;
import vn.dvcpulse.contract.ReceiptPeriods;
import vn.dvcpulse.contract.catalog.CatalogChange.CatalogEntity;
import vn.dvcpulse.contract.catalog.CatalogChange;
import vn.dvcpulse.contract.catalog.CatalogLookup;
import vn.dvcpulse.contract.catalog.Indicator;
import vn.dvcpulse.contract.catalog.IndicatorTarget;

/** The targets of the indicators, each from the day it took effect. */
@RestController
@RequestMapping("/api/v1/catalog/targets")
class TargetResource {

	private final CatalogStore catalog;

	private final Clock clock;

	TargetResource(CatalogStore catalog, Clock clock) {
		this.clock = clock;
		this.catalog = catalog;
	}

	@GetMapping
	Targets targets() {
		CatalogLookup lookup = this.catalog.lookup();
		return new Targets(lookup.catalogVersion(), lookup.targets());
	}

	/** The target in force on {@code at}, today by default. */
	@GetMapping("/{indicator}")
	ResponseEntity<IndicatorTarget> inForce(@PathVariable Indicator indicator,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
		LocalDate day = (at != null) ? at : ReceiptPeriods.dayOf(this.clock.instant());
		IndicatorTarget target = this.catalog.lookup().targetInForce(indicator, day)
			.orElseThrow(() -> new NotInCatalogException("target", indicator + " on " + day));
		return Revisions.withEtag(ResponseEntity.ok(), target.revision(), target);
	}

	/** Sets the target from a day on: a new day with {@code If-None-Match: *}, a change with {@code If-Match}. */
	@PutMapping("/{indicator}/{effectiveFrom}")
	ResponseEntity<IndicatorTarget> put(@PathVariable Indicator indicator,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
			@Valid @RequestBody TargetChange change,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		boolean exists = this.catalog.lookup().targets().stream()
			.anyMatch((t) -> t.key().equals(IndicatorTarget.key(indicator, effectiveFrom)));
		Long expected = Revisions.createOnly(ifNoneMatch) && !exists ? null : Revisions.required(ifMatch);
		IndicatorTarget target = this.catalog.setTarget(indicator, effectiveFrom, change.threshold(), change.basis(),
				expected, Caller.current().subject());
		return Revisions.withEtag(ResponseEntity.status(exists ? 200 : 201), target.revision(), target);
	}

	@GetMapping("/{indicator}/history")
	History history(@PathVariable Indicator indicator) {
		List<CatalogChange> changes = this.catalog.lookup().targets().stream()
			.filter((t) -> t.indicator() == indicator)
			.flatMap((t) -> this.catalog.history(CatalogEntity.TARGET, t.key()).stream())
			.toList();
		return new History(CatalogEntity.TARGET, indicator.name(), changes);
	}

	record Targets(long catalogVersion, List<IndicatorTarget> targets) {
	}

	/**
	 * @param threshold the fraction to reach for full marks, 0 to 1
	 * @param basis     where the target comes from
	 */
	record TargetChange(@NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal threshold,
			@NotBlank @Size(max = 2000) String basis) {
	}

	record History(CatalogEntity entity, String key, List<CatalogChange> changes) {
	}

}

package vn.dvcpulse.catalog.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.dvcpulse.access.Caller;
import vn.dvcpulse.catalog.domain.ServiceDraft;
import vn.dvcpulse.catalog.store.CatalogStore;
import vn.dvcpulse.catalog.store.NotInCatalogException;
import vn.dvcpulse.contract.ReceiptPeriods;
import vn.dvcpulse.contract.catalog.CatalogChange.CatalogEntity;
import vn.dvcpulse.contract.catalog.CatalogChange;
import vn.dvcpulse.contract.catalog.CatalogLookup;
import vn.dvcpulse.contract.catalog.EssentialService;
import vn.dvcpulse.contract.catalog.OnlineLevelChange;
import vn.dvcpulse.contract.catalog.Programme;
import vn.dvcpulse.contract.catalog.ServiceOnlineLevel;
import vn.dvcpulse.contract.problem.FieldProblem;
import vn.dvcpulse.contract.problem.InvalidFieldsException;
import vn.dvcpulse.contract.problem.ProblemType;

/** The 53 essential services: read by everyone, changed by the steward. */
@RestController
@RequestMapping("/api/v1/catalog/services")
class ServiceResource {

	private static final String CODE_PATTERN = "(P06|Q422)-\\d{2}";

	private final CatalogStore catalog;

	private final Clock clock;

	ServiceResource(CatalogStore catalog, Clock clock) {
		this.clock = clock;
		this.catalog = catalog;
	}

	/** The services, filtered; {@code onlineLevel} is the level in force today. */
	@GetMapping
	Services services(@RequestParam(required = false) String program,
			@RequestParam(required = false) String ministry, @RequestParam(required = false) Boolean verified,
			@RequestParam(required = false) ServiceOnlineLevel onlineLevel) {
		CatalogLookup lookup = this.catalog.lookup();
		LocalDate today = ReceiptPeriods.dayOf(this.clock.instant());
		// an empty ?program= is no filter; a programme that is none is a 400
		Optional<Programme> programme = (program == null || program.isBlank()) ? Optional.empty()
				: Optional.of(Programme.of(program).orElseThrow(() -> new InvalidFieldsException(
						ProblemType.INVALID_PARAMETER,
						List.of(FieldProblem.invalid("program", Programme.expected(), program)))));
		List<EssentialService> services = lookup.services().stream()
			.filter((s) -> programme.isEmpty() || programme.get().includes(s))
			.filter((s) -> ministry == null || (s.responsibleMinistry() != null
					&& s.responsibleMinistry().toLowerCase().contains(ministry.toLowerCase())))
			.filter((s) -> verified == null || s.verified() == verified)
			.filter((s) -> onlineLevel == null || s.onlineLevelOn(today) == onlineLevel)
			.toList();
		return new Services(lookup.catalogVersion(), services.size(), services);
	}

	@GetMapping("/{code}")
	ResponseEntity<EssentialService> service(@PathVariable String code) {
		EssentialService service = this.catalog.lookup().service(code)
			.orElseThrow(() -> new NotInCatalogException("service", code));
		return Revisions.withEtag(ResponseEntity.ok(), service.revision(), service);
	}

	/**
	 * Creates a service ({@code If-None-Match: *}) or replaces its fields ({@code If-Match: "revision"}); naming an
	 * unverified slot is such an update.
	 */
	@PutMapping("/{code}")
	ResponseEntity<EssentialService> put(@PathVariable String code, @Valid @RequestBody ServiceDraft draft,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		String steward = Caller.current().subject();
		if (Revisions.createOnly(ifNoneMatch)) {
			if (!code.matches(CODE_PATTERN)) {
				throw new InvalidFieldsException(
						List.of(FieldProblem.invalid("code", "P06-NN or Q422-NN, e.g. Q422-29", code)));
			}
			EssentialService created = this.catalog.createService(code, draft, steward);
			return Revisions.withEtag(ResponseEntity.status(201), created.revision(), created);
		}
		EssentialService updated = this.catalog.updateService(code, draft, Revisions.required(ifMatch), steward);
		return Revisions.withEtag(ResponseEntity.ok(), updated.revision(), updated);
	}

	/** The service's online level changes from a day on. */
	@PostMapping("/{code}/online-levels")
	ResponseEntity<EssentialService> changeOnlineLevel(@PathVariable String code,
			@Valid @RequestBody LevelChange change, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		EssentialService updated = this.catalog.changeOnlineLevel(code,
				new OnlineLevelChange(change.level(), change.effectiveFrom()), Revisions.required(ifMatch),
				Caller.current().subject());
		return Revisions.withEtag(ResponseEntity.ok(), updated.revision(), updated);
	}

	@GetMapping("/{code}/history")
	History history(@PathVariable String code) {
		if (this.catalog.lookup().service(code).isEmpty()) {
			throw new NotInCatalogException("service", code);
		}
		return new History(CatalogEntity.SERVICE, code, this.catalog.history(CatalogEntity.SERVICE, code));
	}

	record Services(long catalogVersion, int count, List<EssentialService> services) {
	}

	record LevelChange(@NotNull ServiceOnlineLevel level, @NotNull LocalDate effectiveFrom) {
	}

	record History(CatalogEntity entity, String key, List<CatalogChange> changes) {
	}

}

package vn.dvcpulse.catalog.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.dvcpulse.catalog.store.CatalogStore;
import vn.dvcpulse.contract.ReceiptPeriods;
import vn.dvcpulse.contract.catalog.EssentialService;
import vn.dvcpulse.contract.catalog.LocalityVersion;

/** The catalog of essential services and localities, as every figure is computed against it. */
@RestController
@RequestMapping("/api/v1/catalog")
class CatalogResource {

	private final CatalogStore catalog;

	CatalogResource(CatalogStore catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/services")
	Services services(@RequestParam(required = false) String program,
			@RequestParam(required = false) Boolean verified) {
		List<EssentialService> services = this.catalog.services().stream()
			.filter((service) -> program == null || service.program().equalsIgnoreCase(program))
			.filter((service) -> verified == null || service.verified() == verified)
			.toList();
		return new Services(services.size(), services);
	}

	@GetMapping("/services/{code}")
	EssentialService service(@PathVariable String code) {
		return this.catalog.service(code).orElseThrow(() -> new NotInCatalogException("service", code));
	}

	/** The units in force on {@code at}, by default today in Viet Nam. */
	@GetMapping("/localities")
	Localities localities(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
		LocalDate day = (at != null) ? at : LocalDate.now(ReceiptPeriods.ZONE);
		List<LocalityVersion> localities = this.catalog.localitiesInForce(day);
		return new Localities(day, localities.size(), localities);
	}

	record Services(int count, List<EssentialService> services) {
	}

	record Localities(LocalDate at, int count, List<LocalityVersion> localities) {
	}

}

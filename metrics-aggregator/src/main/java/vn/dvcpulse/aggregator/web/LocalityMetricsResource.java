package vn.dvcpulse.aggregator.web;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.dvcpulse.aggregator.domain.ReceiptCounts;
import vn.dvcpulse.aggregator.stream.LocalityReceipts;
import vn.dvcpulse.contract.catalog.CatalogFeed;

/** The indicators per locality, for the National Committee and the dashboards. */
@RestController
@RequestMapping("/api/v1/metrics")
class LocalityMetricsResource {

	private final LocalityReceipts receipts;

	private final CatalogFeed catalog;

	LocalityMetricsResource(LocalityReceipts receipts, CatalogFeed catalog) {
		this.receipts = receipts;
		this.catalog = catalog;
	}

	@GetMapping("/localities")
	LocalityFigures localities() {
		return new LocalityFigures(this.catalog.get().catalogVersion(), this.receipts.all().stream()
			.map((receipt) -> LocalityFigure.of(receipt.localityCode(), receipt.counts()))
			.toList());
	}

	/**
	 * @param catalogVersion the catalog version the figures were read with
	 * @param localities     each locality's figures, by code
	 */
	record LocalityFigures(long catalogVersion, List<LocalityFigure> localities) {
	}

	/**
	 * One locality's figures; the rate always travels with its numerator and denominator.
	 *
	 * @param localityCode   the locality as recorded
	 * @param received       applications received (the denominator)
	 * @param receivedOnline of which online (the numerator)
	 * @param onlineRate     receivedOnline ÷ received
	 * @param byChannel      receipts per channel
	 */
	record LocalityFigure(String localityCode, long received, long receivedOnline, BigDecimal onlineRate,
			ReceiptCounts byChannel) {

		static LocalityFigure of(String localityCode, ReceiptCounts counts) {
			return new LocalityFigure(localityCode, counts.received(), counts.online(), counts.onlineRate().value(),
					counts);
		}

	}

}

package vn.dvcpulse.aggregator.web;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.dvcpulse.aggregator.domain.ReceiptCounts;
import vn.dvcpulse.aggregator.stream.LocalityReceipts;

/** The indicators per locality, for the National Committee and the dashboards. */
@RestController
@RequestMapping("/api/v1/metrics")
class LocalityMetricsResource {

	private final LocalityReceipts receipts;

	LocalityMetricsResource(LocalityReceipts receipts) {
		this.receipts = receipts;
	}

	@GetMapping("/localities")
	LocalityFigures localities() {
		return new LocalityFigures(this.receipts.all().stream()
			.map((receipt) -> LocalityFigure.of(receipt.localityCode(), receipt.counts()))
			.toList());
	}

	record LocalityFigures(List<LocalityFigure> localities) {
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

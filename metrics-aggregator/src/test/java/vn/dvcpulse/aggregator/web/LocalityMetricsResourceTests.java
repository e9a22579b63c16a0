package vn.dvcpulse.aggregator.web;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvcpulse.aggregator.domain.ReceiptCounts;
import vn.dvcpulse.aggregator.stream.FiguresNotReadyException;
import vn.dvcpulse.aggregator.stream.LocalityReceipts;
import vn.dvcpulse.aggregator.stream.LocalityReceipts.LocalityReceipt;
import vn.dvcpulse.contract.catalog.CatalogFeed;
import vn.dvcpulse.testsupport.TestCatalog;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(LocalityMetricsResource.class)
class LocalityMetricsResourceTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	LocalityReceipts receipts;

	@MockitoBean
	CatalogFeed catalog;

	@BeforeEach
	void catalogIsTheTestCatalog() {
		given(this.catalog.get()).willReturn(TestCatalog.lookup());
	}

	@Test
	void localities_giveEachLocalitysCountsAndRate() throws Exception {
		given(this.receipts.all()).willReturn(List.of(new LocalityReceipt("01", new ReceiptCounts(2, 1, 0)),
				new LocalityReceipt("79", new ReceiptCounts(0, 3, 1))));

		this.mvc.perform(get("/api/v1/metrics/localities"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.catalogVersion").value(1))
			.andExpect(jsonPath("$.localities.length()").value(2))
			.andExpect(jsonPath("$.localities[0].localityCode").value("01"))
			.andExpect(jsonPath("$.localities[0].received").value(3))
			.andExpect(jsonPath("$.localities[0].receivedOnline").value(2))
			.andExpect(jsonPath("$.localities[0].onlineRate").value(0.6667))
			.andExpect(jsonPath("$.localities[0].byChannel.inPerson").value(1))
			.andExpect(jsonPath("$.localities[1].received").value(4))
			.andExpect(jsonPath("$.localities[1].onlineRate").value(0.0));
	}

	@Test
	void localities_whileStoresRestore_are503WithRetryAfter() throws Exception {
		given(this.receipts.all()).willThrow(mock(FiguresNotReadyException.class));

		this.mvc.perform(get("/api/v1/metrics/localities"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:service-unavailable"));
	}

	@Test
	void unknownPath_isAProblem() throws Exception {
		this.mvc.perform(get("/api/v1/metrics/nowhere")).andExpect(status().isNotFound());
	}

}

package vn.dvcpulse.aggregator.web;

import java.util.Locale;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import vn.dvcpulse.aggregator.domain.Granularity;
import vn.dvcpulse.aggregator.report.Boundaries;
import vn.dvcpulse.aggregator.report.LocalityReport;

/**
 * Query parameters as the API's documentation writes them ({@code granularity=month}, {@code boundaries=as-recorded}),
 * and JSON unless CSV is asked for.
 */
@Configuration(proxyBeanMethods = false)
class QueryParameters implements WebMvcConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(String.class, Granularity.class, (text) -> Granularity.valueOf(constant(text)));
		registry.addConverter(String.class, Boundaries.class, (text) -> Boundaries.valueOf(constant(text)));
	}

	/** JSON unless CSV is asked for: {@code Accept: *}{@code /*} is not a request for CSV. */
	@Override
	public void configureContentNegotiation(ContentNegotiationConfigurer negotiation) {
		negotiation.defaultContentType(MediaType.APPLICATION_JSON);
	}

	private static String constant(String text) {
		return text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
	}

}

package vn.dvcpulse.tracker.config;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JacksonModule;

import vn.dvcpulse.contract.IsoDateTimes;
import vn.dvcpulse.contract.problem.BodyLimits;
import vn.dvcpulse.contract.problem.StrictTypes;

/** How the door reads bodies: strictly, and each bounded by the handler it reached. */
@Configuration(proxyBeanMethods = false)
@Import(BodyLimits.class)
public class JsonConfig {

	/** Events are taken as typed: a number for a text field is a mistake to report, not to convert. */
	@Bean
	JsonMapperBuilderCustomizer strictTypes() {
		return StrictTypes::apply;
	}

	/** Events' date-times read at the door as the Kafka serdes read them, without the formatter's cost. */
	@Bean
	JacksonModule isoDateTimes() {
		return IsoDateTimes.module();
	}

}

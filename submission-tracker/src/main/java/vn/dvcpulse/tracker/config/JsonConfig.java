package vn.dvcpulse.tracker.config;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.dvcpulse.contract.problem.StrictTypes;

@Configuration(proxyBeanMethods = false)
public class JsonConfig {

	/** Events are taken as typed: a number for a text field is a mistake to report, not to convert. */
	@Bean
	JsonMapperBuilderCustomizer strictTypes() {
		return StrictTypes::apply;
	}

}

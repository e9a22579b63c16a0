package vn.dvcpulse.aggregator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

import vn.dvcpulse.access.ApiDescription;
import vn.dvcpulse.access.ServiceAccessConfiguration;

@SpringBootApplication
@Import({ ServiceAccessConfiguration.class, ApiDescription.class })
@EnableScheduling
public class MetricsAggregatorApplication {

	public static void main(String[] args) {
		SpringApplication.run(MetricsAggregatorApplication.class, args);
	}

}

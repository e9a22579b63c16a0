package vn.dvcpulse.tracker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

import vn.dvcpulse.access.ApiDescription;
import vn.dvcpulse.access.ServiceAccessConfiguration;

@SpringBootApplication
@Import({ ServiceAccessConfiguration.class, ApiDescription.class })
@ConfigurationPropertiesScan
public class SubmissionTrackerApplication {

	public static void main(String[] args) {
		SpringApplication.run(SubmissionTrackerApplication.class, args);
	}

}

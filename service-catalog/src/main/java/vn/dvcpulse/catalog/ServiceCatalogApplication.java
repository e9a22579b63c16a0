package vn.dvcpulse.catalog;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

import vn.dvcpulse.access.ApiDescription;
import vn.dvcpulse.access.ServiceAccessConfiguration;

@SpringBootApplication
@Import({ ServiceAccessConfiguration.class, ApiDescription.class })
public class ServiceCatalogApplication {

	public static void main(String[] args) {
		SpringApplication.run(ServiceCatalogApplication.class, args);
	}

}

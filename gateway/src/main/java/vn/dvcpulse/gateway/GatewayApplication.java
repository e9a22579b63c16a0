package vn.dvcpulse.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

import vn.dvcpulse.access.GatewayAccessConfiguration;

@SpringBootApplication
@EnableConfigurationProperties({ RateLimits.Limits.class, ApiDocument.Services.class })
@Import(GatewayAccessConfiguration.class)
public class GatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(GatewayApplication.class, args);
	}

}
